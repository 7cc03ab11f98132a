// The only module that touches the Web Bluetooth API. The Bluetooth object and the
// device come in as parameters, so the simulator's fake navigator.bluetooth runs
// through exactly the same code as Chrome's.

import type {
  GattTransport,
  NotificationListener,
  WriteOptions,
} from "./transport.ts";
import { BleError } from "./errors.ts";
import { mapBluetoothError } from "./web_bluetooth_errors.ts";
import { BAND_REQUEST_OPTIONS } from "./request_options.ts";

export { mapBluetoothError } from "./web_bluetooth_errors.ts";
export { BAND_REQUEST_OPTIONS } from "./request_options.ts";

/** Default time allowed for `gatt.connect()` and for waiting on an advertisement (spec §27.6). */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Opens the browser's chooser for a Mi Smart Band 4; call it from a click handler. */
export async function requestBandDevice(
  bluetooth: Bluetooth | undefined,
): Promise<BluetoothDevice> {
  if (!bluetooth) {
    throw new BleError(
      "not_supported",
      "Cannot choose a band: this browser has no Web Bluetooth",
    );
  }
  try {
    return await bluetooth.requestDevice(BAND_REQUEST_OPTIONS);
  } catch (err) {
    throw mapBluetoothError(err, "choose a band");
  }
}

/** Finds a device granted earlier (persistent permissions) by its browser id, or null. */
export async function findGrantedDevice(
  bluetooth: Bluetooth,
  deviceId: string,
): Promise<BluetoothDevice | null> {
  if (typeof bluetooth.getDevices !== "function") return null;
  try {
    const devices = await bluetooth.getDevices();
    return devices.find((device) => device.id === deviceId) ?? null;
  } catch (err) {
    throw mapBluetoothError(err, "list granted bands");
  }
}

/** Options for waiting and connecting. */
export interface ConnectOptions {
  /** Milliseconds before giving up (default 10 000). */
  timeoutMs?: number;
  /** Aborts the wait. */
  signal?: AbortSignal;
}

/** Resolves on the first advertisement from `device`, for a band Chrome reported "no longer in range". */
export async function watchUntilInRange(
  device: BluetoothDevice,
  options: ConnectOptions = {},
): Promise<void> {
  if (typeof device.watchAdvertisements !== "function") {
    throw new BleError(
      "out_of_range",
      "Cannot wait for the band: this browser cannot watch advertisements",
    );
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const stop = new AbortController();
  let onAdvert = () => {};
  let onAbort = () => {};
  const seen = new Promise<void>((resolve, reject) => {
    onAdvert = () => resolve();
    onAbort = () =>
      reject(new BleError("cancelled", "Cannot wait for the band: cancelled"));
  });
  device.addEventListener("advertisementreceived", onAdvert);
  options.signal?.addEventListener("abort", onAbort);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await device.watchAdvertisements({ signal: stop.signal }).catch((err) => {
      throw mapBluetoothError(err, "watch for the band");
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new BleError(
              "out_of_range",
              `Cannot find the band: no advertisement within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
    });
    await Promise.race([seen, timeout]);
  } finally {
    clearTimeout(timer);
    stop.abort();
    device.removeEventListener("advertisementreceived", onAdvert);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** Connects to the band's GATT server and returns a transport over it (not yet queued). */
export async function connectGatt(
  device: BluetoothDevice,
  options: ConnectOptions = {},
): Promise<GattTransport> {
  const gatt = device.gatt;
  if (!gatt) {
    throw new BleError(
      "not_supported",
      "Cannot connect to band: the device has no GATT server",
    );
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new BleError(
            "timeout",
            `Cannot connect to band: no connection within ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    const server = await Promise.race([gatt.connect(), timeout]);
    return new WebGattTransport(device, server);
  } catch (err) {
    if (err instanceof BleError && err.code === "timeout") gatt.disconnect();
    throw mapBluetoothError(err, "connect to band");
  } finally {
    clearTimeout(timer);
  }
}

/** Connects, and when Chrome says the band is out of range, waits for its advertisement and tries once more. */
export async function connectBand(
  device: BluetoothDevice,
  options: ConnectOptions = {},
): Promise<GattTransport> {
  try {
    return await connectGatt(device, options);
  } catch (err) {
    if (!(err instanceof BleError) || err.code !== "out_of_range") throw err;
    await watchUntilInRange(device, options);
    return await connectGatt(device, options);
  }
}

class WebGattTransport implements GattTransport {
  #device: BluetoothDevice;
  #server: BluetoothRemoteGATTServer;
  #services = new Map<string, Promise<BluetoothRemoteGATTService>>();
  #characteristics = new Map<
    string,
    Promise<BluetoothRemoteGATTCharacteristic>
  >();
  #subscribers = new Map<string, number>();
  #listeners = new Set<() => void>();

  constructor(device: BluetoothDevice, server: BluetoothRemoteGATTServer) {
    this.#device = device;
    this.#server = server;
    const onDisconnected = () => {
      device.removeEventListener("gattserverdisconnected", onDisconnected);
      // Chrome hands out new objects after a reconnect; the cache belongs to this link only.
      this.#services.clear();
      this.#characteristics.clear();
      for (const listener of [...this.#listeners]) listener();
    };
    device.addEventListener("gattserverdisconnected", onDisconnected);
  }

  get connected(): boolean {
    return this.#server.connected;
  }

  async read(service: string, characteristic: string): Promise<Uint8Array> {
    const target = await this.#characteristic(service, characteristic);
    try {
      return copyValue(await target.readValue());
    } catch (err) {
      throw mapBluetoothError(err, `read ${characteristic}`);
    }
  }

  async write(
    service: string,
    characteristic: string,
    value: Uint8Array,
    options: WriteOptions,
  ): Promise<void> {
    const target = await this.#characteristic(service, characteristic);
    const bytes = value.slice() as Uint8Array<ArrayBuffer>;
    try {
      if (options.withResponse) await target.writeValueWithResponse(bytes);
      else await target.writeValueWithoutResponse(bytes);
    } catch (err) {
      throw mapBluetoothError(err, `write ${characteristic}`);
    }
  }

  async subscribe(
    service: string,
    characteristic: string,
    listener: NotificationListener,
  ): Promise<() => Promise<void>> {
    const target = await this.#characteristic(service, characteristic);
    // Copy at once: Chrome may reuse the DataView for the next notification.
    const onChange = (event: Event) => {
      const value = (event.target as BluetoothRemoteGATTCharacteristic).value;
      if (value) listener(copyValue(value));
    };
    target.addEventListener("characteristicvaluechanged", onChange);
    const key = `${service}/${characteristic}`;
    try {
      await target.startNotifications();
    } catch (err) {
      target.removeEventListener("characteristicvaluechanged", onChange);
      throw mapBluetoothError(err, `start notifications on ${characteristic}`);
    }
    this.#subscribers.set(key, (this.#subscribers.get(key) ?? 0) + 1);
    return async () => {
      target.removeEventListener("characteristicvaluechanged", onChange);
      const remaining = (this.#subscribers.get(key) ?? 1) - 1;
      this.#subscribers.set(key, remaining);
      // Several listeners may share one characteristic; only the last one stops the CCCD.
      if (remaining > 0 || !this.#server.connected) return;
      try {
        await target.stopNotifications();
      } catch (err) {
        throw mapBluetoothError(err, `stop notifications on ${characteristic}`);
      }
    };
  }

  onDisconnect(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  disconnect(): void {
    this.#device.gatt?.disconnect();
  }

  #characteristic(
    service: string,
    characteristic: string,
  ): Promise<BluetoothRemoteGATTCharacteristic> {
    const key = `${service}/${characteristic}`;
    let found = this.#characteristics.get(key);
    if (!found) {
      found = this.#service(service).then((s) =>
        s.getCharacteristic(characteristic)
      ).catch(
        (err) => {
          this.#characteristics.delete(key);
          throw mapBluetoothError(err, `find characteristic ${characteristic}`);
        },
      );
      this.#characteristics.set(key, found);
    }
    return found;
  }

  #service(service: string): Promise<BluetoothRemoteGATTService> {
    let found = this.#services.get(service);
    if (!found) {
      found = this.#server.getPrimaryService(service).catch((err) => {
        this.#services.delete(service);
        throw mapBluetoothError(err, `find service ${service}`);
      });
      this.#services.set(service, found);
    }
    return found;
  }
}

function copyValue(view: DataView): Uint8Array {
  return new Uint8Array(
    view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength),
  );
}
