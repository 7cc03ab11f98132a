// A stand-in for `navigator.bluetooth` backed by virtual bands, so page code written
// for Web Bluetooth runs unchanged in tests and in the "virtual band" demo. It
// reproduces Chrome's permission model: a grant covers the filter services plus
// optionalServices, ids are new per grant, and getDevices lists live grants.
import type { Scheduler } from "./band_context.ts";
import { FakeBluetoothDevice, type FakeRadio } from "./fake_device.ts";
import { createGattError } from "./gatt_error.ts";
import { resolveUuid } from "./uuid_aliases.ts";
import { REAL_SCHEDULER, type VirtualBand } from "./virtual_band.ts";

/** One entry of `requestDevice` filters. */
export interface FakeRequestFilter {
  /** Exact advertised name. */
  name?: string;
  /** Advertised name prefix. */
  namePrefix?: string;
  /** Advertised services the device must offer. */
  services?: Array<number | string>;
}

/** Options of `requestDevice`, as in Web Bluetooth. */
export interface FakeRequestOptions {
  /** Filters; a device must match at least one. */
  filters?: FakeRequestFilter[];
  /** Accept any device instead of filtering. */
  acceptAllDevices?: boolean;
  /** Extra services the page may use. */
  optionalServices?: Array<number | string>;
  /** Company ids whose manufacturer data the page may see. */
  optionalManufacturerData?: number[];
}

/** Options for `createFakeBluetooth`. */
export interface FakeBluetoothOptions {
  /** Picks a band from the chooser's list; return null to cancel (default: the first). */
  choose?: (candidates: readonly VirtualBand[]) => VirtualBand | null;
  /** Start with the adapter off. */
  poweredOff?: boolean;
  /** Link latency in ms (default 0). */
  latencyMs?: number;
  /** Timers (default `setTimeout`). */
  scheduler?: Scheduler;
  /** Prefix of generated device ids (default "sim"). */
  idPrefix?: string;
}

// Only the Huami main service is advertised (§1.1); everything else needs optionalServices.
const ADVERTISED_SERVICES = [resolveUuid(0xfee0)];

/** A fake `navigator.bluetooth` over a set of virtual bands. */
export class FakeBluetooth extends EventTarget implements FakeRadio {
  /** Bands the radio can see. */
  readonly bands: VirtualBand[];
  /** Timers. */
  readonly scheduler: Scheduler;
  /** Link latency in ms. */
  readonly latencyMs: number;
  /** When true, the next chooser is dismissed by the user. */
  cancelChooser = false;
  #poweredOn: boolean;
  #outOfRange = new Set<VirtualBand>();
  #connectFailures = new Set<VirtualBand>();
  #grants = new Map<VirtualBand, FakeBluetoothDevice>();
  #choose: (candidates: readonly VirtualBand[]) => VirtualBand | null;
  #idPrefix: string;
  #grantCount = 0;

  constructor(bands: VirtualBand[], options: FakeBluetoothOptions = {}) {
    super();
    this.bands = bands;
    this.scheduler = options.scheduler ?? REAL_SCHEDULER;
    this.latencyMs = options.latencyMs ?? 0;
    this.#poweredOn = !options.poweredOff;
    this.#choose = options.choose ?? ((candidates) => candidates[0] ?? null);
    this.#idPrefix = options.idPrefix ?? "sim";
  }

  /** Whether the adapter is on. */
  get poweredOn(): boolean {
    return this.#poweredOn;
  }

  /** Resolves to whether a Bluetooth adapter is available and on. */
  getAvailability(): Promise<boolean> {
    return Promise.resolve(this.#poweredOn);
  }

  /** Turns the adapter on or off; turning it off drops every connection. */
  setPoweredOn(on: boolean): void {
    this.#poweredOn = on;
    if (!on) {
      for (const device of this.#grants.values()) device.gatt.disconnect();
    }
    this.dispatchEvent(new Event("availabilitychanged"));
  }

  /** Moves a band in or out of range; leaving range drops its link, entering advertises. */
  setInRange(band: VirtualBand, inRange: boolean): void {
    if (inRange) {
      this.#outOfRange.delete(band);
      this.#grants.get(band)?.advertise();
      return;
    }
    this.#outOfRange.add(band);
    band.dropLink();
  }

  /** Whether a band is in range. */
  isInRange(band: VirtualBand): boolean {
    return !this.#outOfRange.has(band);
  }

  /** Makes the next connect to a band fail with "Connection attempt failed." */
  failNextConnect(band: VirtualBand): void {
    this.#connectFailures.add(band);
  }

  /** Takes a one-shot connect failure plan. */
  takeConnectFailure(band: VirtualBand): boolean {
    return this.#connectFailures.delete(band);
  }

  /** Shows the chooser and grants the picked band, like `navigator.bluetooth.requestDevice`. */
  requestDevice(options: FakeRequestOptions): Promise<FakeBluetoothDevice> {
    return new Promise((resolve, reject) => {
      let filters: { name?: string; namePrefix?: string; services: string[] }[];
      let optional: string[];
      try {
        if (!options.acceptAllDevices === !options.filters) {
          throw new TypeError(
            "Failed to execute 'requestDevice' on 'Bluetooth': Either 'filters' should be present or 'acceptAllDevices' should be true, but not both.",
          );
        }
        filters = (options.filters ?? []).map((f) => ({
          ...f,
          services: (f.services ?? []).map(resolveUuid),
        }));
        optional = (options.optionalServices ?? []).map(resolveUuid);
      } catch (error) {
        return reject(error);
      }
      this.scheduler.schedule(() => {
        if (!this.#poweredOn) {
          return reject(
            createGattError(
              "NotFoundError",
              "Bluetooth adapter not available.",
            ),
          );
        }
        const candidates = this.bands.filter((band) =>
          this.isInRange(band) &&
          (options.acceptAllDevices || filters.some((f) => matches(band, f)))
        );
        const picked = this.cancelChooser ? null : this.#choose(candidates);
        this.cancelChooser = false;
        if (!picked || !candidates.includes(picked)) {
          return reject(
            createGattError(
              "NotFoundError",
              "User cancelled the requestDevice() chooser.",
            ),
          );
        }
        const services = [...filters.flatMap((f) => f.services), ...optional];
        resolve(this.#grant(picked, services));
      }, this.latencyMs);
    });
  }

  /** Lists devices this origin holds a grant for, like `navigator.bluetooth.getDevices`. */
  getDevices(): Promise<FakeBluetoothDevice[]> {
    return Promise.resolve([...this.#grants.values()]);
  }

  #grant(band: VirtualBand, services: string[]): FakeBluetoothDevice {
    const existing = this.#grants.get(band);
    if (existing) {
      existing.allowServices(services);
      return existing;
    }
    this.#grantCount++;
    const device = new FakeBluetoothDevice(band, {
      id: `${this.#idPrefix}-${this.#grantCount}`,
      radio: this,
      allowedServices: services,
      onForget: (d) => {
        if (this.#grants.get(band) === d) this.#grants.delete(band);
      },
    });
    this.#grants.set(band, device);
    return device;
  }
}

function matches(
  band: VirtualBand,
  filter: { name?: string; namePrefix?: string; services: string[] },
): boolean {
  const name = band.state.name;
  if (filter.name !== undefined && filter.name !== name) return false;
  if (filter.namePrefix !== undefined && !name.startsWith(filter.namePrefix)) {
    return false;
  }
  return filter.services.every((s) => ADVERTISED_SERVICES.includes(s));
}

/** Creates a fake `navigator.bluetooth` over the given bands. */
export function createFakeBluetooth(
  bands: VirtualBand[],
  options: FakeBluetoothOptions = {},
): FakeBluetooth {
  return new FakeBluetooth(bands, options);
}
