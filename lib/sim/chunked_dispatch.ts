// Routes a reassembled chunked message to the decoder of its type and stores the
// result; payloads no decoder understands are kept raw so nothing is lost.
import type { ChunkedMessage } from "../protocol/chunked.ts";
import { CHUNK_TYPE } from "../protocol/constants.ts";
import type { BandState } from "./band_state.ts";

/** Decodes one chunked message into the band's state (§15.3, §16, §19, §20, §25). */
export function applyChunkedMessage(
  state: BandState,
  message: ChunkedMessage,
): void {
  const payload = message.payload;
  switch (message.type) {
    case CHUNK_TYPE.notification:
      state.lastNotification = { channel: "chunked", bytes: payload };
      return;
    case CHUNK_TYPE.weather:
      state.weather[String(payload[0])] = payload;
      return;
    case CHUNK_TYPE.music:
      state.lastMusic = payload;
      return;
    case CHUNK_TYPE.config:
      state.settings[`config2_${payload[0]}`] = payload;
  }
}
