// Shared by the simulator tests: a hand-driven clock and scheduler, hex helpers,
// and a recorder of band notifications.
import { CHARACTERISTIC, SERVICE } from "../../lib/protocol/constants.ts";
import type { Scheduler } from "../../lib/sim/band_context.ts";
import {
  VirtualBand,
  type VirtualBandOptions,
} from "../../lib/sim/virtual_band.ts";

/** Parses "10 02 01" style hex into bytes. */
export function hex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, "");
  return Uint8Array.from(clean.match(/../g) ?? [], (b) => parseInt(b, 16));
}

/** Formats bytes as "10 02 01". */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
}

/** A scheduler whose time only moves when the test calls `advance`. */
export class ManualScheduler implements Scheduler {
  now = 0;
  #timers: { at: number; fn: () => void; id: number }[] = [];
  #nextId = 0;

  schedule(fn: () => void, ms: number): () => void {
    const id = this.#nextId++;
    this.#timers.push({ at: this.now + ms, fn, id });
    return () => {
      this.#timers = this.#timers.filter((t) => t.id !== id);
    };
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      this.#timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.#timers[0];
      if (!next || next.at > end) break;
      this.#timers.shift();
      this.now = next.at;
      next.fn();
    }
    this.now = end;
  }
}

/** Records every notification of a band as [characteristic, hex]. */
export function recordNotifications(band: VirtualBand): [string, string][] {
  const log: [string, string][] = [];
  band.onNotification((_service, characteristic, value) =>
    log.push([characteristic, toHex(value)])
  );
  return log;
}

/** The §30.1 challenge R. */
export const CHALLENGE = hex("57 3a 0e 2f ab 36 46 4e e2 72 f3 51 7c 4c 3c a7");

/** The §30.1 answer E = AES-ECB(test key, R). */
export const ANSWER = hex("0a d7 6d 09 35 a2 cd f8 14 5c e1 b5 e3 77 21 d1");

/** Creates a connected, authenticated band subscribed to every notifying characteristic given. */
export async function createAuthedBand(
  options: VirtualBandOptions,
  subscriptions: [string, string][],
): Promise<VirtualBand> {
  const band = new VirtualBand({
    randomBytes: () => CHALLENGE.slice(),
    ...options,
  });
  band.connect();
  band.startNotifications(SERVICE.miBand2, CHARACTERISTIC.auth);
  await band.write(SERVICE.miBand2, CHARACTERISTIC.auth, hex("02 00"), false);
  const answer = new Uint8Array(18);
  answer.set([3, 0]);
  answer.set(ANSWER, 2);
  await band.write(SERVICE.miBand2, CHARACTERISTIC.auth, answer, false);
  for (const [service, characteristic] of subscriptions) {
    band.startNotifications(service, characteristic);
  }
  return band;
}
