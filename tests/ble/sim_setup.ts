// Shared set-up for MiBand4 tests against the simulator: a fixed clock, a fixed
// challenge and the simulator's reproducible test key.

import { parseAuthKey } from "../../lib/protocol/auth.ts";
import { DEFAULT_SIM_KEY_HEX } from "../../lib/sim/mod.ts";
import { MiBand4 } from "../../lib/ble/mi_band4.ts";
import { SimTransport } from "../../lib/sim/sim_transport.ts";
import {
  VirtualBand,
  type VirtualBandOptions,
} from "../../lib/sim/virtual_band.ts";

/** The simulator's default key (spec §30, not a real band's). */
export const TEST_KEY = parseAuthKey(DEFAULT_SIM_KEY_HEX);

/** 2024-03-10T12:00:00Z. */
export const NOW = Date.UTC(2024, 2, 10, 12, 0, 0);

/** A connected band, its simulator and its transport. */
export interface SimRig {
  band: MiBand4;
  sim: VirtualBand;
  link: SimTransport;
}

/** Creates a virtual band with a fixed clock and challenge, links it and connects a MiBand4. */
export async function connectSim(
  options: VirtualBandOptions & {
    authKey?: Uint8Array;
    timeoutMs?: number;
    replyTimeoutMs?: number;
  } = {},
): Promise<SimRig> {
  const sim = createSim(options);
  const link = new SimTransport(sim);
  const band = await MiBand4.connect(link, {
    authKey: options.authKey ?? TEST_KEY,
    now: options.now ?? (() => NOW),
    timeoutMs: options.timeoutMs,
    replyTimeoutMs: options.replyTimeoutMs,
  });
  return { band, sim, link };
}

/** Creates a virtual band with a fixed clock and challenge. */
export function createSim(options: VirtualBandOptions = {}): VirtualBand {
  return new VirtualBand({
    now: () => NOW,
    randomBytes: (n) => new Uint8Array(n).fill(7),
    ...options,
  });
}
