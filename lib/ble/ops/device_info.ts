// Device Information (0x180A) reads, allowed before authentication (§5.6, §7). The
// serial number 0x2A25 is blocklisted in browsers, so it is not part of the result.

import { CHARACTERISTIC, SERVICE } from "../../protocol/constants.ts";
import {
  parseFirmwareVersion,
  parseHardwareRevision,
  parsePnpId,
  type PnpId,
} from "../../protocol/device_info.ts";
import { parseSystemIdMac } from "../../protocol/mac.ts";
import type { GattTransport } from "../transport.ts";
import { BleError } from "../errors.ts";
import { translateProtocolError } from "./translate_error.ts";

/** What the band says about itself. */
export interface DeviceInfo {
  /** MAC address in display order, e.g. "D1:C5:15:51:03:89". */
  mac: string;
  /** Firmware version without the leading "V". */
  firmwareVersion: string;
  /** Hardware revision without the leading "V". */
  hardwareRevision: string;
  /** PnP id (vendor 0x0157 on a Mi Band 4). */
  pnpId: PnpId;
}

/** Reads the MAC from the System ID characteristic (§6); no authentication needed. */
export async function readMacAddress(
  transport: GattTransport,
): Promise<string> {
  const bytes = await transport.read(
    SERVICE.deviceInformation,
    CHARACTERISTIC.systemId,
  );
  return translateProtocolError(() => parseSystemIdMac(bytes));
}

/** Reads the MAC and checks it against the one stored for this band. */
export async function verifyMacAddress(
  transport: GattTransport,
  expected: string,
): Promise<string> {
  const mac = await readMacAddress(transport);
  if (normalize(mac) !== normalize(expected)) {
    throw new BleError(
      "mac_mismatch",
      `Cannot use this band: its address is ${mac}, expected ${expected}`,
    );
  }
  return mac;
}

/** Reads MAC, firmware, hardware revision and PnP id, one read after another. */
export async function readDeviceInfo(
  transport: GattTransport,
): Promise<DeviceInfo> {
  const mac = await readMacAddress(transport);
  const firmware = await transport.read(
    SERVICE.deviceInformation,
    CHARACTERISTIC.softwareRevision,
  );
  const hardware = await transport.read(
    SERVICE.deviceInformation,
    CHARACTERISTIC.hardwareRevision,
  );
  const pnp = await transport.read(
    SERVICE.deviceInformation,
    CHARACTERISTIC.pnpId,
  );
  return translateProtocolError(() => ({
    mac,
    firmwareVersion: parseFirmwareVersion(firmware),
    hardwareRevision: parseHardwareRevision(hardware),
    pnpId: parsePnpId(pnp),
  }));
}

function normalize(mac: string): string {
  return mac.replace(/[^0-9a-f]/gi, "").toUpperCase();
}
