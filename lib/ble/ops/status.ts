// Battery (0x0006) and today's steps, distance and calories (0x0007): read once, or
// follow the band's notifications while a page shows them (§8, §9).

import { CHARACTERISTIC, SERVICE } from "../../protocol/constants.ts";
import { type BatteryInfo, parseBatteryInfo } from "../../protocol/battery.ts";
import {
  parseRealtimeActivity,
  type RealtimeActivity,
} from "../../protocol/realtime_activity.ts";
import type { GattTransport } from "../transport.ts";
import { translateProtocolError } from "./translate_error.ts";
import { watchCharacteristic, type WatchOptions } from "./watch.ts";

const BATTERY = {
  service: SERVICE.miBand1,
  characteristic: CHARACTERISTIC.battery,
  parse: parseBatteryInfo,
};

const REALTIME = {
  service: SERVICE.miBand1,
  characteristic: CHARACTERISTIC.realtimeActivity,
  parse: parseRealtimeActivity,
};

/** Reads the battery level, charging state and last-charge stamp. */
export async function readBattery(
  transport: GattTransport,
): Promise<BatteryInfo> {
  const bytes = await transport.read(BATTERY.service, BATTERY.characteristic);
  return translateProtocolError(() => parseBatteryInfo(bytes));
}

/** Follows battery notifications; returns the function that stops them. */
export function watchBattery(
  transport: GattTransport,
  options: WatchOptions<BatteryInfo>,
): Promise<() => Promise<void>> {
  return watchCharacteristic(transport, BATTERY, options);
}

/** Reads today's steps, distance and calories. */
export async function readRealtimeActivity(
  transport: GattTransport,
): Promise<RealtimeActivity> {
  const bytes = await transport.read(REALTIME.service, REALTIME.characteristic);
  return translateProtocolError(() => parseRealtimeActivity(bytes));
}

/** Reads today's totals, then follows live updates; returns the function that stops them. */
export async function watchRealtimeActivity(
  transport: GattTransport,
  options: WatchOptions<RealtimeActivity>,
): Promise<() => Promise<void>> {
  const stop = await watchCharacteristic(transport, REALTIME, options);
  options.onValue(await readRealtimeActivity(transport));
  return stop;
}
