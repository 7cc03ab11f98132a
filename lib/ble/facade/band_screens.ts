// The band's content screens fed from the computer: the music screen, the weather
// screen and the menu that orders them. Each is one chunked message with no reply.

import type { DisplayItem } from "../../protocol/display.ts";
import type { MusicState } from "../../protocol/music.ts";
import type { WeatherRecord } from "../../protocol/weather.ts";
import {
  sendMusicState,
  sendWeather,
  setDisplayItems,
} from "../ops/chunked_features.ts";
import type { BandLink } from "./band_link.ts";

/** The music screen of one connected band (`band.music`). */
export class BandMusic {
  #link: BandLink;

  /** Wraps the connection's handles; MiBand4 creates one per connection. */
  constructor(link: BandLink) {
    this.#link = link;
  }

  /** Sends the player state to the music screen; send it again on the "focusIn" music event. */
  sendState(state: MusicState): Promise<void> {
    return sendMusicState(this.#link.transport, state);
  }
}

/** The weather screen of one connected band (`band.weather`). */
export class BandWeather {
  #link: BandLink;

  /** Wraps the connection's handles; MiBand4 creates one per connection. */
  constructor(link: BandLink) {
    this.#link = link;
  }

  /** Sends weather records (current, air quality, forecast, location). */
  send(records: readonly WeatherRecord[]): Promise<void> {
    return sendWeather(this.#link.transport, records);
  }
}

/** The menu of one connected band (`band.display`). */
export class BandDisplay {
  #link: BandLink;

  /** Wraps the connection's handles; MiBand4 creates one per connection. */
  constructor(link: BandLink) {
    this.#link = link;
  }

  /** Shows these menu items in this order and hides the rest. */
  setItems(shown: readonly DisplayItem[]): Promise<void> {
    return setDisplayItems(this.#link.transport, shown);
  }
}
