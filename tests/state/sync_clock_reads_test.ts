import assert from "node:assert/strict";
import { CHARACTERISTIC } from "../../lib/protocol/constants.ts";
import { generateHistory } from "../../lib/sim/mod.ts";
import { runSync } from "../../lib/state/sync_runner.ts";
import { connectSim, NOW } from "../ble/sim_setup.ts";
import { createMemoryServer } from "./memory_sync_server.ts";

Deno.test("runSync() reads the band's clock once and still fetches every minute", async () => {
  const history = generateHistory({ end: NOW, weeks: 1, seed: 5 }).batch;
  const { band, sim } = await connectSim({ history });
  // Count reads of the band's clock (Current Time 0x2A2B) as the band sees them.
  const read = sim.read.bind(sim);
  let clockReads = 0;
  sim.read = (service, characteristic) => {
    if (characteristic.toLowerCase() === CHARACTERISTIC.currentTime) {
      clockReads++;
    }
    return read(service, characteristic);
  };
  const memory = createMemoryServer();
  const result = await runSync(band, memory.server, { now: () => NOW });
  assert.equal(result.minutesDone, history.samples.length);
  assert.equal(memory.minutes.size, history.samples.length);
  assert.equal(clockReads, 1);
  band.disconnect();
});
