// The simulator's history generator: 8 weeks of minutes (80,640), as the demo band
// and the browser tests make them; target well under 100 ms. A benchmark, not a
// timed test, so a busy machine cannot fail the suite.
import { generateHistory } from "../../lib/sim/history_generator.ts";

const END = Date.UTC(2024, 2, 10, 12, 0, 30);

Deno.bench("generateHistory: 8 weeks of minutes (target < 100 ms)", () => {
  generateHistory({ end: END, weeks: 8, seed: 3 });
});
