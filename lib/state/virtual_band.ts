// A virtual Mi Band 4 inside the page: the simulator behind a fake
// navigator.bluetooth, so the demo band and the browser tests run the very page
// code a real band does. Chrome's persistent permissions are imitated by keeping
// each grant (band MAC and device id) in localStorage, so getDevices() still
// finds the band after a reload or in another tab.
import { parseAuthKey } from "../protocol/auth.ts";
import {
  createFakeBluetooth,
  type FakeBluetooth,
  type FakeBluetoothDevice,
  type FakeRequestOptions,
  generateHistory,
  type VirtualBand,
} from "../sim/mod.ts";
import { createVirtualBand } from "../sim/mod.ts";

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

/** Where the grants live in localStorage. */
export const GRANTS_STORAGE_KEY = "band-web:virtual-grants";

/** One virtual band to create: identity, key, generated history and its workouts. */
export interface VirtualBandSpec {
  /** MAC in display order, e.g. "D1:C5:15:51:03:89". */
  mac: string;
  /** Auth key as 32 hex digits. */
  key: string;
  /** Advertised name (default "Mi Smart Band 4"). */
  name?: string;
  /** Days of generated history ending at `historyEnd` (default 0: none). */
  historyDays?: number;
  /** Epoch ms where the history ends (default now); fix it so reloads regenerate the same minutes. */
  historyEnd?: number;
  /** Seed of the generated history (default 1). */
  seed?: number;
  /** The band's UTC offset in minutes (default 0). */
  utcOffsetMinutes?: number;
}

/** Options for installing the fake Bluetooth. */
export interface InstallOptions {
  /** Link latency in ms (default 0). */
  latencyMs?: number;
  /** Offer `getDevices()` like Chrome with persistent permissions (default true). */
  getDevices?: boolean;
  /** Current instant (default Date.now). */
  now?: () => number;
}

/** The installed virtual Bluetooth: the bands, the radio, and the object put on navigator. */
export interface VirtualBluetooth {
  /** Every virtual band, in the order given. */
  bands: VirtualBand[];
  /** The fake radio (range, power, failures). */
  radio: FakeBluetooth;
  /** What `navigator.bluetooth` now returns. */
  bluetooth: Bluetooth;
  /** Resolves once earlier grants are restored. */
  ready: Promise<void>;
  /** MAC of the band the next chooser picks; null cancels; undefined picks the first. */
  choose: string | null | undefined;
}

interface StoredGrant {
  mac: string;
  id: string;
  services: Array<number | string>;
}

/** Creates a virtual band with generated history, as described by `spec`. */
export function createSpecBand(
  spec: VirtualBandSpec,
  now: () => number = Date.now,
): VirtualBand {
  const offset = spec.utcOffsetMinutes ?? 0;
  const end = spec.historyEnd ?? now();
  const days = spec.historyDays ?? 0;
  const generated = days > 0
    ? generateHistory({
      end,
      weeks: Math.ceil(days / 7),
      seed: spec.seed ?? 1,
      utcOffsetMinutes: offset,
    })
    : undefined;
  const history = generated
    ? trimHistory(generated.batch, days * DAY_MINUTES)
    : undefined;
  // The band keeps the workouts recorded inside its history, so a sync brings them too.
  const workouts = generated && history
    ? generated.workouts.filter((w) => w.start >= history.start)
    : undefined;
  return createVirtualBand({
    mac: spec.mac,
    key: parseAuthKey(spec.key),
    name: spec.name,
    utcOffsetMinutes: offset,
    history,
    workouts,
    now,
  });
}

/** Builds virtual bands and a fake Bluetooth over them, restoring stored grants. */
export function createVirtualBluetooth(
  specs: VirtualBandSpec[],
  options: InstallOptions = {},
): VirtualBluetooth {
  const now = options.now ?? Date.now;
  const bands = specs.map((spec) => createSpecBand(spec, now));
  const session = Math.floor(Math.random() * 36 ** 4).toString(36);
  const installed: VirtualBluetooth = {
    bands,
    radio: undefined as unknown as FakeBluetooth,
    bluetooth: undefined as unknown as Bluetooth,
    ready: Promise.resolve(),
    choose: undefined,
  };
  let forced: VirtualBand | null = null;
  const radio = createFakeBluetooth(bands, {
    latencyMs: options.latencyMs,
    idPrefix: `sim-${session}`,
    choose: (candidates) => {
      if (forced) return forced;
      const wanted = installed.choose;
      if (wanted === null) return null;
      if (wanted === undefined) return candidates[0] ?? null;
      return candidates.find((b) => sameMac(b.state.mac, wanted)) ?? null;
    },
  });
  installed.radio = radio;
  installed.ready = restoreGrants(radio, bands, (band) => (forced = band));
  const bluetooth = {
    addEventListener: radio.addEventListener.bind(radio),
    removeEventListener: radio.removeEventListener.bind(radio),
    dispatchEvent: radio.dispatchEvent.bind(radio),
    getAvailability: () => radio.getAvailability(),
    async requestDevice(request: FakeRequestOptions) {
      await installed.ready;
      const device = await radio.requestDevice(request);
      saveGrant(device, request.optionalServices ?? []);
      return device;
    },
    ...(options.getDevices === false ? {} : {
      async getDevices() {
        await installed.ready;
        return await radio.getDevices();
      },
    }),
  };
  installed.bluetooth = bluetooth as unknown as Bluetooth;
  return installed;
}

/** Puts a virtual Bluetooth on `navigator.bluetooth`, replacing the browser's own. */
export function installVirtualBluetooth(
  specs: VirtualBandSpec[],
  options: InstallOptions = {},
): VirtualBluetooth {
  const installed = createVirtualBluetooth(specs, options);
  Object.defineProperty(navigator, "bluetooth", {
    configurable: true,
    get: () => installed.bluetooth,
  });
  return installed;
}

function trimHistory<T extends { start: number; samples: unknown[] }>(
  batch: T,
  minutes: number,
): T {
  const skip = Math.max(0, batch.samples.length - minutes);
  return {
    ...batch,
    start: batch.start + skip * MINUTE_MS,
    samples: batch.samples.slice(skip),
  };
}

function sameMac(a: string, b: string): boolean {
  return a.replace(/:/g, "").toUpperCase() ===
    b.replace(/:/g, "").toUpperCase();
}

function readGrants(): StoredGrant[] {
  try {
    const raw = globalThis.localStorage?.getItem(GRANTS_STORAGE_KEY);
    return raw ? JSON.parse(raw) as StoredGrant[] : [];
  } catch {
    // A page without storage (or with a corrupt entry) simply starts ungranted.
    return [];
  }
}

function saveGrant(
  device: FakeBluetoothDevice,
  services: Array<number | string>,
) {
  const grants = readGrants().filter((g) =>
    !sameMac(g.mac, device.band.state.mac)
  );
  grants.push({ mac: device.band.state.mac, id: device.id, services });
  try {
    globalThis.localStorage?.setItem(
      GRANTS_STORAGE_KEY,
      JSON.stringify(grants),
    );
  } catch {
    // Without storage the grant lasts for this page only, as without persistent permissions.
  }
}

async function restoreGrants(
  radio: FakeBluetooth,
  bands: VirtualBand[],
  force: (band: VirtualBand | null) => void,
): Promise<void> {
  for (const grant of readGrants()) {
    const band = bands.find((b) => sameMac(b.state.mac, grant.mac));
    if (!band) continue;
    force(band);
    try {
      const device = await radio.requestDevice({
        acceptAllDevices: true,
        optionalServices: grant.services,
      });
      // The grant survives reloads with its id, as Chrome's persistent permissions do.
      Object.defineProperty(device, "id", { value: grant.id });
    } catch {
      // A band out of range at load cannot be restored; the page falls back to the chooser.
    } finally {
      force(null);
    }
  }
}

/** Days of history the demo band starts with. */
export const DEMO_HISTORY_DAYS = 28;

/** Installs the demo band for a virtual band saved on the server and exposes it as `__bandWebVirtualBand`. */
export function installDemoBand(
  band: { id: string; mac: string; key: string },
  now: () => number = Date.now,
): VirtualBand {
  const installed = installVirtualBluetooth([{
    mac: band.mac,
    key: band.key,
    name: "Mi Smart Band 4",
    historyDays: DEMO_HISTORY_DAYS,
    // A fixed seed per band keeps the demo's minutes the same on every load of a day.
    seed: seedFromId(band.id),
    historyEnd: Math.floor(now() / MINUTE_MS) * MINUTE_MS,
    utcOffsetMinutes: -new Date(now()).getTimezoneOffset(),
  }], { now, latencyMs: 5 });
  const virtual = installed.bands[0];
  startCounterFromHistory(virtual, now());
  (globalThis as { __bandWebVirtualBand?: VirtualBand }).__bandWebVirtualBand =
    virtual;
  return virtual;
}

// A real band's live counter holds the steps of its local day so far; the demo
// band's starts from its generated minutes of today, so the live counter and
// the synced minutes tell the same story after the first sync.
function startCounterFromHistory(band: VirtualBand, now: number): void {
  const { history } = band.state;
  const offsetMs = band.state.clock.tzQuarterHours * 15 * MINUTE_MS;
  const dayMs = DAY_MINUTES * MINUTE_MS;
  const midnight = Math.floor((now + offsetMs) / dayMs) * dayMs - offsetMs;
  let steps = 0;
  history.samples.forEach((sample, i) => {
    if (history.start + i * MINUTE_MS >= midnight) steps += sample.steps;
  });
  band.state.steps = steps;
  // Rough walking figures: 0.7 m and 0.04 kcal a step.
  band.state.distanceMeters = Math.round(steps * 0.7);
  band.state.calories = Math.round(steps * 0.04);
}

function seedFromId(id: string): number {
  let hash = 7;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash || 1;
}
