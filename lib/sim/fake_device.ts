// BluetoothDevice and BluetoothRemoteGATTServer look-alikes backed by a VirtualBand.
import { parseMac } from "../protocol/mac.ts";
import { HUAMI_COMPANY_ID } from "../protocol/constants.ts";
import type { Scheduler } from "./band_context.ts";
import { FakeGattLink } from "./fake_gatt_link.ts";
import { FakeGattService } from "./fake_gatt_objects.ts";
import { createGattError } from "./gatt_error.ts";
import { GATT_MAP } from "./gatt_map.ts";
import { resolveUuid } from "./uuid_aliases.ts";
import type { VirtualBand } from "./virtual_band.ts";

/** What a fake device needs to know about the radio environment. */
export interface FakeRadio {
  /** Whether the adapter is on. */
  readonly poweredOn: boolean;
  /** Whether a band is in range. */
  isInRange(band: VirtualBand): boolean;
  /** Takes a one-shot "connection attempt failed" plan for a band. */
  takeConnectFailure(band: VirtualBand): boolean;
  /** Timers. */
  readonly scheduler: Scheduler;
  /** Link latency in ms. */
  readonly latencyMs: number;
}

/** A fake BluetoothRemoteGATTServer. */
export class FakeGattServer {
  /** The owning device. */
  readonly device: FakeBluetoothDevice;
  #link: FakeGattLink | null = null;
  #unhook: Array<() => void> = [];

  constructor(device: FakeBluetoothDevice) {
    this.device = device;
  }

  /** Whether this device holds a live connection. */
  get connected(): boolean {
    return this.#link?.open ?? false;
  }

  /** Connects to the band; fails like Chrome when the adapter is off or the band out of range. */
  connect(): Promise<FakeGattServer> {
    const radio = this.device.radio;
    const band = this.device.band;
    return new Promise((resolve, reject) => {
      radio.scheduler.schedule(() => {
        if (!radio.poweredOn) {
          return reject(
            createGattError("NetworkError", "Bluetooth adapter not available."),
          );
        }
        if (!radio.isInRange(band)) {
          return reject(
            createGattError(
              "NetworkError",
              "Bluetooth Device is no longer in range.",
            ),
          );
        }
        if (radio.takeConnectFailure(band)) {
          return reject(
            createGattError("NetworkError", "Connection attempt failed."),
          );
        }
        if (this.connected) return resolve(this);
        band.connect();
        const link = new FakeGattLink(band, this.device, radio);
        this.#link = link;
        this.#unhook = [
          band.onNotification((service, characteristic, value) =>
            link.deliver(service, characteristic, value)
          ),
          band.onLinkDropped(() => this.#lost()),
        ];
        resolve(this);
      }, radio.latencyMs);
    });
  }

  /** Disconnects; Chrome fires gattserverdisconnected for this too. */
  disconnect(): void {
    if (!this.connected) return;
    this.device.band.disconnect();
    this.#lost();
  }

  /** Returns a primary service the origin may access. */
  getPrimaryService(service: number | string): Promise<FakeGattService> {
    return this.#withLink((link) => {
      const uuid = resolveUuid(service);
      this.device.assertAllowed(uuid);
      const found = GATT_MAP.find((s) => s.uuid === uuid);
      if (!found) {
        throw createGattError(
          "NotFoundError",
          `No Services matching UUID ${uuid} found in Device.`,
        );
      }
      return new FakeGattService(link, found);
    });
  }

  /** Returns every primary service the origin may access. */
  getPrimaryServices(): Promise<FakeGattService[]> {
    return this.#withLink((link) =>
      GATT_MAP.filter((s) => this.device.allows(s.uuid)).map((s) =>
        new FakeGattService(link, s)
      )
    );
  }

  #withLink<T>(run: (link: FakeGattLink) => T): Promise<T> {
    const link = this.#link;
    if (!link || !link.open) {
      return Promise.reject(
        createGattError(
          "NetworkError",
          "GATT Server is disconnected. Cannot retrieve services. (Re)connect first with `device.gatt.connect`.",
        ),
      );
    }
    return link.run(() => run(link));
  }

  #lost(): void {
    this.#link?.close();
    this.#link = null;
    for (const unhook of this.#unhook) unhook();
    this.#unhook = [];
    this.device.radio.scheduler.schedule(
      () => this.device.dispatchEvent(new Event("gattserverdisconnected")),
      0,
    );
  }
}

/** A fake BluetoothDevice for one permission grant. */
export class FakeBluetoothDevice extends EventTarget {
  /** Opaque id, new for every grant. */
  readonly id: string;
  /** Advertised name. */
  readonly name: string;
  /** The GATT server. */
  readonly gatt: FakeGattServer;
  /** The band behind the device (simulator only). */
  readonly band: VirtualBand;
  /** The radio environment (simulator only). */
  readonly radio: FakeRadio;
  #allowed: Set<string>;
  #watching = false;
  #forgotten = false;
  #onForget: (device: FakeBluetoothDevice) => void;

  constructor(
    band: VirtualBand,
    options: {
      id: string;
      radio: FakeRadio;
      allowedServices: Iterable<string>;
      onForget: (d: FakeBluetoothDevice) => void;
    },
  ) {
    super();
    this.band = band;
    this.id = options.id;
    this.name = band.state.name;
    this.radio = options.radio;
    this.#allowed = new Set(options.allowedServices);
    this.#onForget = options.onForget;
    this.gatt = new FakeGattServer(this);
  }

  /** Whether advertisements are being watched. */
  get watchingAdvertisements(): boolean {
    return this.#watching;
  }

  /** Whether the origin may use a service (simulator only). */
  allows(service: string): boolean {
    return this.#allowed.has(service);
  }

  /** Adds services to the grant, as a second requestDevice for the same band does (simulator only). */
  allowServices(services: Iterable<string>): void {
    for (const s of services) this.#allowed.add(s);
  }

  /** Throws SecurityError like Chrome for a service outside filters and optionalServices (simulator only). */
  assertAllowed(service: string): void {
    if (this.#forgotten || !this.#allowed.has(service)) {
      throw createGattError(
        "SecurityError",
        "Origin is not allowed to access the service. Tip: Add the service UUID to 'optionalServices' in requestDevice() options. https://goo.gl/HxfxSQ",
      );
    }
  }

  /** Starts watching advertisements; fires advertisementreceived while the band is in range. */
  watchAdvertisements(options: { signal?: AbortSignal } = {}): Promise<void> {
    if (!this.radio.poweredOn) {
      return Promise.reject(
        createGattError(
          "InvalidStateError",
          "Bluetooth adapter not available.",
        ),
      );
    }
    this.#watching = true;
    options.signal?.addEventListener("abort", () => (this.#watching = false));
    this.radio.scheduler.schedule(() => this.advertise(), this.radio.latencyMs);
    return Promise.resolve();
  }

  /** Fires one advertisementreceived event if watching and in range (simulator only). */
  advertise(): void {
    if (
      !this.#watching || !this.radio.isInRange(this.band) ||
      !this.radio.poweredOn
    ) return;
    const event = new Event("advertisementreceived") as
      & Event
      & Record<string, unknown>;
    Object.assign(event, {
      device: this,
      name: this.name,
      rssi: -60,
      txPower: undefined,
      uuids: [resolveUuid(0xfee0)],
      manufacturerData: new Map([[
        HUAMI_COMPANY_ID,
        advertisedData(this.band.state.mac),
      ]]),
      serviceData: new Map(),
    });
    this.dispatchEvent(event);
  }

  /** Revokes the grant; the device object becomes unusable. */
  forget(): Promise<void> {
    this.gatt.disconnect();
    this.#forgotten = true;
    this.#watching = false;
    this.#onForget(this);
    return Promise.resolve();
  }
}

// §1.1: 24 bytes after the company id, the last six being the MAC in display order.
function advertisedData(mac: string): DataView {
  const out = new Uint8Array(24).fill(0xff);
  out[0] = 0x02;
  out[17] = 0x02;
  out.set(parseMac(mac), 18);
  return new DataView(out.buffer);
}
