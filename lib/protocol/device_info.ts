// Device Information service 0x180A and Generic Access 0x1800 values (§7):
//   0x2A27 hardware revision, 0x2A28 software revision (firmware), 0x2A25 serial,
//   0x2A00 device name: UTF-8 (ASCII in practice), no terminator
//   0x2A50 PnP id: [0] vendor id source  [1..2] vendor u16  [3..4] product u16  [5..6] version u16
// Real Mi Band 4: 01 57 01 24 00 01 01 = SIG source, vendor 0x0157, product 0x0024, version 0x0101.

import { formatHex, ProtocolError } from "./errors.ts";

/** Decoded PnP id. */
export interface PnpId {
  /** Who assigned the vendor id: 1 Bluetooth SIG, 2 USB-IF, anything else unknown. */
  source: "bluetoothSig" | "usb" | "unknown";
  /** Vendor id (0x0157 = Anhui Huami). */
  vendorId: number;
  /** Product id (0x0024 on a Mi Band 4). */
  productId: number;
  /** Product version (0x0101 on a Mi Band 4). */
  version: number;
}

const decoder = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** Decodes a revision, serial or name string; a trailing NUL some stacks append is dropped. */
export function parseDeviceString(bytes: Uint8Array): string {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  try {
    return decoder.decode(bytes.subarray(0, end));
  } catch (cause) {
    throw new ProtocolError(
      `Cannot read device string: not UTF-8 (${formatHex(bytes)})`,
      { bytes, cause },
    );
  }
}

/** Encodes a device string as the band serves it: UTF-8, no terminator (simulator side). */
export function encodeDeviceString(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Reads the firmware version from 0x2A28 without the leading "V" ("V1.0.9.70" → "1.0.9.70"). */
export function parseFirmwareVersion(bytes: Uint8Array): string {
  return stripVersionPrefix(parseDeviceString(bytes));
}

/** Reads the hardware revision from 0x2A27 without the leading "V". */
export function parseHardwareRevision(bytes: Uint8Array): string {
  return stripVersionPrefix(parseDeviceString(bytes));
}

/** Decodes the 7-byte PnP id. */
export function parsePnpId(bytes: Uint8Array): PnpId {
  if (bytes.length !== 7) {
    throw new RangeError(
      `Cannot parse PnP id: expected 7 bytes, got ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    source: bytes[0] === 1
      ? "bluetoothSig"
      : bytes[0] === 2
      ? "usb"
      : "unknown",
    vendorId: view.getUint16(1, true),
    productId: view.getUint16(3, true),
    version: view.getUint16(5, true),
  };
}

/** Encodes a PnP id (simulator side); an "unknown" source is refused because it has no byte. */
export function encodePnpId(pnp: PnpId): Uint8Array {
  if (pnp.source === "unknown") {
    throw new RangeError("Cannot encode PnP id: source is unknown");
  }
  for (
    const [name, value] of [["vendor", pnp.vendorId], [
      "product",
      pnp.productId,
    ], ["version", pnp.version]]
  ) {
    if (
      !Number.isInteger(value) || (value as number) < 0 ||
      (value as number) > 0xffff
    ) {
      throw new RangeError(
        `Cannot encode PnP id: ${name} ${value} is not a u16`,
      );
    }
  }
  const out = new Uint8Array(7);
  const view = new DataView(out.buffer);
  out[0] = pnp.source === "bluetoothSig" ? 1 : 2;
  view.setUint16(1, pnp.vendorId, true);
  view.setUint16(3, pnp.productId, true);
  view.setUint16(5, pnp.version, true);
  return out;
}

function stripVersionPrefix(text: string): string {
  return text.startsWith("V") || text.startsWith("v") ? text.slice(1) : text;
}
