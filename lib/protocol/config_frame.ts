// Shared framing of general configuration on Huami 0x0003 (§22):
//   endpoint   [0] 06  [1] setting (CONFIG_ENDPOINT)  [2] 00  [3..] value
//   flag       01 on / 00 off
// Every parser of this family checks exact lengths with the same message.

import { CONFIG } from "./constants.ts";

/** Reports why a configuration command cannot be parsed; throws a ProtocolError carrying its bytes. */
export type ConfigParseFailure = (detail: string) => never;

/** A decoded command; an enumerated value the codec does not know reads as "unknown". */
export type ParsedCommand<C> = C extends { value: infer V }
  ? Omit<C, "value"> & { value: V | "unknown" }
  : C;

/** Builds `06 XX 00` + value, one setting of the 06 endpoint. */
export function encodeEndpoint(
  setting: number,
  ...value: number[]
): Uint8Array {
  return Uint8Array.of(CONFIG.endpoint, setting, 0, ...value);
}

/** Encodes an on/off setting as the band's `01`/`00` byte. */
export function flagByte(enabled: boolean): number {
  return enabled ? 1 : 0;
}

/** Throws a RangeError unless the configuration bytes have one of these lengths. */
export function expectConfigLength(bytes: Uint8Array, lengths: number[]): void {
  if (!lengths.includes(bytes.length)) {
    throw new RangeError(
      `Cannot parse configuration: expected ${
        lengths.join(" or ")
      } bytes, got ${bytes.length}`,
    );
  }
}
