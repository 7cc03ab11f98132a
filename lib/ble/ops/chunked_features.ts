// Features that are one chunked message on 0x0020 and need no reply: music state
// (type 3), weather records (type 1), the menu layout (type 2, `1e …`) and event
// reminders (type 2, `0b …`).

import { CHUNK_TYPE } from "../../protocol/constants.ts";
import {
  type DisplayItem,
  encodeDisplayItems,
} from "../../protocol/display.ts";
import { encodeMusicState, type MusicState } from "../../protocol/music.ts";
import {
  encodeDeleteReminder,
  encodeReminder,
  type Reminder,
} from "../../protocol/reminders.ts";
import {
  encodeWeatherRecord,
  type WeatherRecord,
} from "../../protocol/weather.ts";
import type { GattTransport } from "../transport.ts";
import { writeChunked } from "./write_chunked.ts";

/** Sends the phone player's state (track, artist, playing, position, volume…) to the music screen. */
export async function sendMusicState(
  transport: GattTransport,
  state: MusicState,
): Promise<void> {
  await writeChunked(transport, CHUNK_TYPE.music, encodeMusicState(state));
}

/** Sends weather records one message each, in Gadgetbridge's order as given (current, AQI, forecast, location). */
export async function sendWeather(
  transport: GattTransport,
  records: readonly WeatherRecord[],
): Promise<void> {
  for (const record of records) {
    await writeChunked(
      transport,
      CHUNK_TYPE.weather,
      encodeWeatherRecord(record),
    );
  }
}

/** Shows these menu items in this order after the watch face and hides every other one. */
export async function setDisplayItems(
  transport: GattTransport,
  shown: readonly DisplayItem[],
): Promise<void> {
  await writeChunked(transport, CHUNK_TYPE.config, encodeDisplayItems(shown));
}

/** Stores an event reminder in its slot. */
export async function setReminder(
  transport: GattTransport,
  reminder: Reminder,
): Promise<void> {
  await writeChunked(transport, CHUNK_TYPE.config, encodeReminder(reminder));
}

/** Deletes the reminder in a slot. */
export async function deleteReminder(
  transport: GattTransport,
  slot: number,
): Promise<void> {
  await writeChunked(transport, CHUNK_TYPE.config, encodeDeleteReminder(slot));
}
