// The band clock lives on 0x2A2B inside 0xFEE0 (§18), written with response in
// Gadgetbridge's format: local wall-clock time, ISO weekday, and the UTC offset
// including DST as the time-zone byte.

import { CHARACTERISTIC, SERVICE } from "../../protocol/constants.ts";
import {
  type CurrentTime,
  encodeCurrentTime,
  parseCurrentTime,
} from "../../protocol/current_time.ts";
import type { GattTransport } from "../transport.ts";
import { translateProtocolError } from "./translate_error.ts";

/** Reads the band's clock and time-zone byte. */
export async function readBandTime(
  transport: GattTransport,
): Promise<CurrentTime> {
  const bytes = await transport.read(
    SERVICE.miBand1,
    CHARACTERISTIC.currentTime,
  );
  return translateProtocolError(() => parseCurrentTime(bytes));
}

/** Options for setBandTime(). */
export interface SetBandTimeOptions {
  /** The instant to set, epoch ms. */
  epochMs: number;
  /** The zone's current offset east of UTC in minutes, DST included (e.g. 120 for CEST). */
  utcOffsetMinutes: number;
}

/** Sets the band's clock to an instant shown in the given UTC offset. */
export async function setBandTime(
  transport: GattTransport,
  options: SetBandTimeOptions,
): Promise<void> {
  const bytes = encodeCurrentTime(options.epochMs, options.utcOffsetMinutes);
  await transport.write(SERVICE.miBand1, CHARACTERISTIC.currentTime, bytes, {
    withResponse: true,
  });
}

/** The offset east of UTC, in minutes, that a Date's local zone has at that instant (DST included). */
export function getLocalUtcOffsetMinutes(epochMs: number): number {
  return -new Date(epochMs).getTimezoneOffset();
}
