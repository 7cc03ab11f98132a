// Routes a reassembled chunked message to the decoder of its type and stores the
// result. Display items (§20.1) are decoded; other "config 2" payloads (§25
// reminders, vibration patterns) are kept raw under their first byte.
import type { ChunkedMessage } from "../protocol/chunked.ts";
import { CHUNK_TYPE, CONFIG2 } from "../protocol/constants.ts";
import { parseDisplayItems } from "../protocol/display.ts";
import { parseMusicState } from "../protocol/music.ts";
import { parseAppNotification } from "../protocol/notifications.ts";
import { parseWeatherRecord } from "../protocol/weather.ts";
import type { BandState } from "./band_state.ts";

/** Decodes one chunked message into the band's state; returns false when its decoder refused it. */
export function applyChunkedMessage(
  state: BandState,
  message: ChunkedMessage,
): boolean {
  const payload = message.payload;
  try {
    switch (message.type) {
      case CHUNK_TYPE.notification:
        state.lastNotification = {
          channel: "chunked",
          ...parseAppNotification(payload),
        };
        return true;
      case CHUNK_TYPE.weather: {
        // §19.3: keep the latest record of each kind, ignore unknown first bytes.
        const record = parseWeatherRecord(payload);
        if (record.kind !== "unknown") state.weather[record.kind] = record;
        return true;
      }
      case CHUNK_TYPE.music:
        state.lastMusic = parseMusicState(payload);
        return true;
      case CHUNK_TYPE.config:
        if (payload[0] === CONFIG2.displayItems) {
          state.settings.display_items = parseDisplayItems(payload);
          return true;
        }
        state.settings[`config2_${payload[0].toString(16).padStart(2, "0")}`] =
          payload;
        return true;
    }
  } catch {
    return false;
  }
  return false;
}
