// Opening a band the way the original app does: a device this tab already holds,
// else one Chrome still grants (getDevices, persistent permissions) found by the id
// stored for the band, else the chooser, where the picked device must have the
// band's MAC. Whichever path found it, the device id is stored again.
import { BleError } from "../ble/errors.ts";
import { MiBand4 } from "../ble/mi_band4.ts";
import { verifyMacAddress } from "../ble/ops/device_info.ts";
import {
  connectBand,
  findGrantedDevice,
  requestBandDevice,
} from "../ble/web_bluetooth.ts";
import type { GattTransport } from "../ble/transport.ts";
import type { DeviceMap } from "./device_map.ts";
import { ChooserNeededError } from "./chooser_needed.ts";

export { ChooserNeededError };

/** What opening a band needs. */
export interface OpenBandOptions {
  /** The server's band id. */
  bandId: string;
  /** The band's MAC, as stored on the server. */
  mac: string;
  /** The 16-byte auth key. */
  authKey: Uint8Array;
  /** `navigator.bluetooth`. */
  bluetooth: Bluetooth | undefined;
  /** This browser's band-id → device-id map. */
  map: DeviceMap;
  /** Whether the chooser may open (only inside a click handler). */
  allowChooser: boolean;
  /** Current instant (default Date.now). */
  now?: () => number;
  /** Called as the connection moves on. */
  onStep?: (step: "choosing" | "connecting" | "authenticating") => void;
  /** Cancels the attempt: a link already up is dropped again. */
  signal?: AbortSignal;
}

// Devices this tab holds, so a reconnect in the same tab needs no chooser.
const heldDevices = new Map<string, BluetoothDevice>();

/** Finds the band's device without a chooser: held by this tab, or granted and stored. */
export async function findKnownDevice(
  bluetooth: Bluetooth,
  map: DeviceMap,
  bandId: string,
): Promise<BluetoothDevice | null> {
  const held = heldDevices.get(bandId);
  if (held) return held;
  const record = await map.get(bandId);
  if (!record) return null;
  return await findGrantedDevice(bluetooth, record.deviceId);
}

/** Connects, checks the MAC, authenticates and stores the device id; returns the band. */
export async function openBand(options: OpenBandOptions): Promise<MiBand4> {
  const { bluetooth, bandId, map } = options;
  if (!bluetooth) {
    throw new BleError(
      "not_supported",
      "Cannot connect to band: this browser has no Web Bluetooth",
    );
  }
  let device = await findKnownDevice(bluetooth, map, bandId);
  let chosen = false;
  if (!device) {
    if (!options.allowChooser) throw new ChooserNeededError();
    options.onStep?.("choosing");
    device = await requestBandDevice(bluetooth);
    chosen = true;
  }
  const { signal } = options;
  signal?.throwIfAborted();
  options.onStep?.("connecting");
  // Dropping the link makes a pending connect or GATT call fail at once.
  const picked = device;
  const drop = () => picked.gatt?.disconnect();
  signal?.addEventListener("abort", drop, { once: true });
  try {
    return await finishOpening(picked, chosen, options);
  } catch (err) {
    throw signal?.aborted ? signal.reason : err;
  } finally {
    signal?.removeEventListener("abort", drop);
  }
}

async function finishOpening(
  device: BluetoothDevice,
  chosen: boolean,
  options: OpenBandOptions,
): Promise<MiBand4> {
  const { bandId, map, signal } = options;
  const now = options.now ?? Date.now;
  let transport: GattTransport;
  try {
    transport = await connectBand(device);
  } catch (err) {
    // "Connection attempt failed" on a remembered device: the original app forgets it
    // and asks for the chooser, which is the reliable way back.
    if (
      !chosen && err instanceof BleError && err.code === "connection_failed"
    ) {
      heldDevices.delete(bandId);
      await device.forget?.().catch(() => {});
    }
    throw err;
  }
  try {
    await verifyMacAddress(transport, options.mac);
    signal?.throwIfAborted();
  } catch (err) {
    transport.disconnect();
    throw err;
  }
  options.onStep?.("authenticating");
  const band = await MiBand4.connect(transport, {
    authKey: options.authKey,
    now,
    signal,
  });
  if (signal?.aborted) {
    band.disconnect();
    throw signal.reason;
  }
  heldDevices.set(bandId, device);
  await map.put({
    bandId,
    deviceId: device.id,
    mac: options.mac,
    updatedAt: now(),
  });
  return band;
}

/** Opens the chooser, connects and returns the picked device's transport with its MAC (for adding a band). */
export async function chooseNewBand(
  bluetooth: Bluetooth | undefined,
): Promise<{ device: BluetoothDevice; transport: GattTransport }> {
  const device = await requestBandDevice(bluetooth);
  const transport = await connectBand(device);
  return { device, transport };
}

/** Remembers a device for a band in this tab and in the map (after adding a band). */
export async function rememberDevice(
  map: DeviceMap,
  record: { bandId: string; device: BluetoothDevice; mac: string; now: number },
): Promise<void> {
  heldDevices.set(record.bandId, record.device);
  await map.put({
    bandId: record.bandId,
    deviceId: record.device.id,
    mac: record.mac,
    updatedAt: record.now,
  });
}
