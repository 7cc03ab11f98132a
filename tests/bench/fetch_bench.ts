// Full simulated sync of 8 weeks of minutes (80 640 samples) through MiBand4, the GATT
// queue and the simulator with no link latency. Prints wall time and peak memory.
// Targets: under 0.5 s and under 50 MB. Run: deno run -A tests/bench/fetch_bench.ts
// (add --timers to step the simulator with setTimeout(0) instead of microtasks).

import { parseAuthKey } from "../../lib/protocol/auth.ts";
import { DEFAULT_SIM_KEY_HEX } from "../../lib/sim/mod.ts";
import type { ActivityBatch } from "../../lib/protocol/activity_sample.ts";
import { MiBand4 } from "../../lib/ble/mi_band4.ts";
import { generateHistory } from "../../lib/sim/history_generator.ts";
import type { Scheduler } from "../../lib/sim/band_context.ts";
import { SimTransport } from "../../lib/sim/sim_transport.ts";
import { VirtualBand } from "../../lib/sim/virtual_band.ts";

const NOW = Date.UTC(2024, 2, 10, 12, 0, 0);
const KEY = parseAuthKey(DEFAULT_SIM_KEY_HEX);

// "No link latency": zero-delay steps run as microtasks, in order, instead of timers,
// whose ~1 ms minimum per hop would otherwise dominate (6 hops per batch of 1440).
const IMMEDIATE: Scheduler = {
  schedule(fn, ms) {
    let cancelled = false;
    if (ms > 0) {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    }
    queueMicrotask(() => {
      if (!cancelled) fn();
    });
    return () => {
      cancelled = true;
    };
  },
};
const useTimers = Deno.args.includes("--timers");

const { batch: history } = generateHistory({ end: NOW, weeks: 8, seed: 4 });
const sim = new VirtualBand({
  now: () => NOW,
  history,
  utcOffsetMinutes: history.utcOffsetMinutes,
});

let peak = 0;
let peakHeap = 0;
const sample = () => {
  const { rss, heapUsed } = Deno.memoryUsage();
  if (rss > peak) peak = rss;
  if (heapUsed > peakHeap) peakHeap = heapUsed;
};
const sampler = setInterval(sample, 5);
const baseline = Deno.memoryUsage().rss;
sample();

const started = performance.now();
const band = await MiBand4.connect(
  new SimTransport(sim, useTimers ? {} : { scheduler: IMMEDIATE }),
  {
    authKey: KEY,
    now: () => NOW,
  },
);
let stored = 0;
const persist = (batch: ActivityBatch) => {
  stored += batch.samples.length;
  sample();
  return Promise.resolve();
};
const result = await band.fetchActivity({ since: history.start, persist });
const elapsed = performance.now() - started;
band.disconnect();
clearInterval(sampler);
sample();

if (stored !== history.samples.length || result.samples !== 80_640) {
  throw new Error(
    `Cannot trust benchmark: stored ${stored} of ${history.samples.length} samples`,
  );
}
console.log(`scheduler: ${useTimers ? "setTimeout" : "microtasks"}`);
console.log(`samples: ${stored} in ${result.batches} batches`);
console.log(`wall time: ${elapsed.toFixed(0)} ms (target < 500 ms)`);
console.log(
  `peak rss: ${(peak / 2 ** 20).toFixed(1)} MB, growth over baseline: ${
    ((peak - baseline) / 2 ** 20).toFixed(1)
  } MB (target < 50 MB)`,
);
console.log(`peak heap used: ${(peakHeap / 2 ** 20).toFixed(1)} MB`);
