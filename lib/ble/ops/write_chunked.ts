// Chunked messages on 0x0020 (§4) get no acknowledgement from the band, but each
// chunk is still its own GATT write, issued strictly after the previous one.

import { CHARACTERISTIC, SERVICE } from "../../protocol/constants.ts";
import { encodeChunks } from "../../protocol/chunked.ts";
import type { GattTransport } from "../transport.ts";

/** Splits a payload of the given chunk type into 20-byte writes and sends them in order. */
export async function writeChunked(
  transport: GattTransport,
  type: number,
  payload: Uint8Array,
): Promise<void> {
  for (const chunk of encodeChunks(type, payload)) {
    await transport.write(
      SERVICE.miBand1,
      CHARACTERISTIC.chunkedTransfer,
      chunk,
      {
        withResponse: false,
      },
    );
  }
}
