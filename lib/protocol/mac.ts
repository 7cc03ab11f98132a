// Band MAC address from the web (§6), since browsers never expose it:
//   System ID 0x2A23 (8 bytes): [0..2] MAC[0..2]  [3] ff  [4] fe  [5..7] MAC[3..5]
//   Huami manufacturer data (company 0x0157): the last 6 bytes are the MAC in display order.
// MACs are formatted "AA:BB:CC:DD:EE:FF", upper case, the form stored with a band.

import { formatHex, ProtocolError } from "./errors.ts";

const MAC_PATTERN = /^[0-9a-f]{2}([:-]?)[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i;

/** Reads the MAC out of the 8-byte System ID value. */
export function parseSystemIdMac(bytes: Uint8Array): string {
  if (bytes.length !== 8) {
    throw new RangeError(
      `Cannot read MAC from System ID: expected 8 bytes, got ${bytes.length}`,
    );
  }
  if (bytes[3] !== 0xff || bytes[4] !== 0xfe) {
    throw new ProtocolError(
      `Cannot read MAC from System ID: bytes 3-4 are not ff fe (${
        formatHex(bytes)
      })`,
      {
        bytes,
      },
    );
  }
  return formatMac(
    Uint8Array.of(...bytes.subarray(0, 3), ...bytes.subarray(5, 8)),
  );
}

/** Builds the 8-byte System ID value a band with this MAC serves (simulator side). */
export function encodeSystemId(mac: string): Uint8Array {
  const b = parseMac(mac);
  return Uint8Array.of(b[0], b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]);
}

/** Formats 6 bytes as "AA:BB:CC:DD:EE:FF". */
export function formatMac(bytes: Uint8Array): string {
  if (bytes.length !== 6) {
    throw new RangeError(
      `Cannot format MAC: expected 6 bytes, got ${bytes.length}`,
    );
  }
  return formatHex(bytes).toUpperCase().replaceAll(" ", ":");
}

/** Parses a MAC typed with colons, dashes or no separator, in any case, into 6 bytes. */
export function parseMac(text: string): Uint8Array {
  const trimmed = text.trim();
  if (!MAC_PATTERN.test(trimmed)) {
    throw new RangeError(
      `Cannot read MAC: expected six hex pairs separated by ":" or "-" (or none), got "${trimmed}"`,
    );
  }
  const digits = trimmed.replace(/[:-]/g, "");
  return Uint8Array.from(
    { length: 6 },
    (_, i) => parseInt(digits.slice(i * 2, i * 2 + 2), 16),
  );
}
