// `deno task bench` (or `deno run -A tests/bench/scale_bench.ts`): the scale
// model of issue 14. One KV file in a temporary folder is filled with many
// people, each with one band, and a second KV file with one person; then the day
// view, the year view, the home page and an upload (one hour of minutes) are
// timed on both, one request on each store in turn so the machine's load falls
// on both alike. Printed: p50 and p99 of each and the ratio many/one (goal at
// most 1.2: no request's cost grows with the number of people), and the KV size
// on disk per band-year.
//   (a) SCALE_BANDS bands × 30 days of minutes (default 1,000; full: 10,000)
//   (b) SCALE_YEAR_BANDS bands × 365 days (default 10; full: 100)
// SCALE_FULL=1 sets the full sizes (0 bands skips a part); SCALE_REQUESTS (default 200) the timed
// requests of each kind on each store. Minutes are stored through
// `storeSamples`, the function the upload route calls (figures computed and
// stored with them), not through HTTP: filling 10,000 bands over HTTP would
// time base64 and JSON parsing rather than the store.
import process from "node:process";
import { manifest as generated } from "../../fresh.gen.ts";
import { loadConfig } from "../../fresh.config.ts";
import { createApp } from "../../lib/http/app.ts";
import { ensureIslandsBuild, projectPaths } from "../../lib/http/server.ts";
import { createBand } from "../../lib/db/bands.ts";
import { storeSamples } from "../../lib/db/samples.ts";
import { createUser } from "../../lib/db/users.ts";
import { SESSION_COOKIE, startSession } from "../../lib/auth/session.ts";
import { encodeSamples } from "../../lib/minute/sample.ts";
import { encodeSampleData } from "../../lib/api/sample_data.ts";
import { decodeSamples } from "../../lib/minute/sample.ts";
import { generateHistory } from "../../lib/sim/history_generator.ts";

const FULL = Deno.env.get("SCALE_FULL") === "1";
const MONTH_BANDS = Number(
  Deno.env.get("SCALE_BANDS") ?? (FULL ? 10_000 : 1_000),
);
const YEAR_BANDS = Number(
  Deno.env.get("SCALE_YEAR_BANDS") ?? (FULL ? 100 : 10),
);
const REQUESTS = Number(Deno.env.get("SCALE_REQUESTS") ?? 200);
if (!(REQUESTS >= 10)) throw new RangeError("Set SCALE_REQUESTS to 10 or more");
/** People the timed requests go round, spread over the store. */
const SAMPLED = 20;
const ZONE = "Europe/Berlin";
const OFFSET = 60;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const ROOT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

// Sessions expire against the real clock, so the history ends now: filled up
// to some UTC midnights ago, the timed uploads (one hour each) then fill the
// hours after that.
const NOW = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
const FILL_END = (Math.floor(NOW / DAY_MS) - 2 -
  Math.ceil((REQUESTS + 20) / 24)) * DAY_MS;
const LAST_DAY = new Date(FILL_END - DAY_MS).toISOString().slice(0, 10);

const yearOfMinutes = (() => {
  const { batch } = generateHistory({
    end: FILL_END,
    weeks: 53,
    seed: 7,
    utcOffsetMinutes: OFFSET,
  });
  return encodeSamples(batch.samples);
})();
const uploadHour = encodeSampleData(
  decodeSamples(yearOfMinutes.subarray(yearOfMinutes.length - 240)),
);

interface Person {
  bandId: string;
  cookie: string;
  csrfToken: string;
  nextUpload: number;
}

interface Store {
  name: string;
  dir: string;
  path: string;
  kv: Deno.Kv;
  app: ReturnType<typeof createApp>;
  sampled: Person[];
  bands: number;
  days: number;
  bytesOnDisk: number;
}

const build = await ensureIslandsBuild(ROOT, generated);

function openApp(kv: Deno.Kv, path: string): ReturnType<typeof createApp> {
  return createApp({
    config: loadConfig({ KV_PATH: path }),
    kv,
    manifest: generated,
    build,
    ...projectPaths(ROOT),
  });
}

async function measureDir(dir: string): Promise<number> {
  let bytes = 0;
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile) bytes += (await Deno.stat(`${dir}/${e.name}`)).size;
  }
  return bytes;
}

async function addPersonWithBand(
  kv: Deno.Kv,
  days: number,
): Promise<Person> {
  const userId = crypto.randomUUID();
  const created = await createUser(kv, {
    id: userId,
    username: userId,
    passwordHash: "not-a-real-hash",
    role: "member",
    timeZone: ZONE,
    createdAt: NOW,
  });
  if (!created.ok) throw new Error("Cannot create person");
  const { token, session } = await startSession(kv, userId, { now: NOW });
  const bandId = crypto.randomUUID();
  const band = await createBand(kv, {
    id: bandId,
    userId,
    name: "Blue band",
    mac: "C8:0F:10:AA:BB:CC",
    authKey: "8f1e2d3c4b5a69788796a5b4c3d2e1f0",
    model: "Mi Smart Band 4",
    firmwareRevision: null,
    hardwareRevision: null,
    lastBattery: null,
    settings: { goal: { steps: 8000, notify: false } },
    createdAt: NOW,
  });
  if (!band.ok) throw new Error("Cannot create band");
  const minutes = yearOfMinutes.subarray(
    yearOfMinutes.length - days * 1440 * 4,
  );
  const start = FILL_END - days * DAY_MS;
  // 30 UTC days an upload, as a syncing browser sends at most.
  for (let d = 0; d < days; d += 30) {
    const count = Math.min(30, days - d) * 1440;
    await storeSamples(kv, bandId, [{
      start: start + d * DAY_MS,
      utcOffsetMinutes: OFFSET,
      bytes: minutes.subarray(d * 1440 * 4, d * 1440 * 4 + count * 4),
    }], { timeZone: ZONE, now: NOW, owner: userId });
  }
  return {
    bandId,
    cookie: `${SESSION_COOKIE}=${token}`,
    csrfToken: session.csrfToken,
    nextUpload: FILL_END,
  };
}

async function fillStore(
  name: string,
  bands: number,
  days: number,
): Promise<Store> {
  const dir = await Deno.makeTempDir({ prefix: "band-web-scale-" });
  const path = `${dir}/band-web.kv`;
  const kv = await Deno.openKv(path);
  const sampled: Person[] = [];
  const every = Math.max(1, Math.floor(bands / SAMPLED));
  const started = performance.now();
  for (let i = 0; i < bands; i++) {
    const person = await addPersonWithBand(kv, days);
    if (i % every === 0 && sampled.length < SAMPLED) sampled.push(person);
    if ((i + 1) % 1000 === 0) {
      console.log(
        `  ${name}: ${i + 1} of ${bands} bands in ${
          ((performance.now() - started) / 1000).toFixed(0)
        } s`,
      );
    }
  }
  const fillSeconds = (performance.now() - started) / 1000;
  kv.close();
  const bytesOnDisk = await measureDir(dir);
  console.log(
    `  ${name}: filled ${bands} bands × ${days} days in ${
      fillSeconds.toFixed(1)
    } s, ${(bytesOnDisk / 1e6).toFixed(1)} MB on disk`,
  );
  const reopened = await Deno.openKv(path);
  return {
    name,
    dir,
    path,
    kv: reopened,
    app: openApp(reopened, path),
    sampled,
    bands,
    days,
    bytesOnDisk,
  };
}

type Kind = "day view" | "year view" | "home page" | "upload";

async function send(store: Store, person: Person, kind: Kind): Promise<void> {
  const headers = {
    Cookie: person.cookie,
    Origin: "http://localhost",
    Accept: kind === "upload" ? "application/json" : "text/html",
  };
  let res: Response;
  if (kind === "upload") {
    const start = person.nextUpload;
    person.nextUpload += 60 * MINUTE_MS;
    res = await store.app.request(
      `http://localhost/api/bands/${person.bandId}/samples`,
      {
        method: "POST",
        headers: {
          ...headers,
          "Content-Type": "application/json",
          "X-CSRF-Token": person.csrfToken,
        },
        body: JSON.stringify({
          batches: [{ start, utcOffsetMinutes: OFFSET, data: uploadHour }],
        }),
      },
    );
  } else {
    const path = kind === "home page"
      ? "/"
      : `/devices/${person.bandId}/history?view=${
        kind === "day view" ? "day" : "year"
      }&day=${LAST_DAY}`;
    res = await store.app.request(`http://localhost${path}`, { headers });
  }
  await res.arrayBuffer();
  if (res.status !== 200) {
    throw new Error(`Cannot time ${kind} on ${store.name}: ${res.status}`);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/**
 * Times each kind of request on both stores in turn and prints p50 and p99 of
 * the wall time, and the mean CPU time (process.cpuUsage), which a shared
 * machine's load inflates far less than the wall time.
 */
async function compare(many: Store, one: Store): Promise<void> {
  console.log(
    `\n${many.name} vs ${one.name} (${REQUESTS} requests of each kind on each, alternating; ms):`,
  );
  console.log(
    "  request     many p50    p99   cpu |  one p50    p99   cpu | many/one p50  p99  cpu",
  );
  for (
    const kind of ["day view", "year view", "home page", "upload"] as const
  ) {
    const times = new Map<Store, number[]>([[many, []], [one, []]]);
    const cpu = new Map<Store, number>([[many, 0], [one, 0]]);
    for (let i = 0; i < REQUESTS + 20; i++) {
      for (const store of i % 2 === 0 ? [many, one] : [one, many]) {
        // Uploads all go to one person a store, hour after hour, so both
        // stores write the same sequence; reads go round the sampled people.
        const person = kind === "upload"
          ? store.sampled[store.sampled.length >> 1]
          : store.sampled[i % store.sampled.length];
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        await send(store, person, kind);
        // The first 20 of each warm the caches and the JIT.
        if (i < 20) continue;
        times.get(store)!.push(performance.now() - t0);
        const used = process.cpuUsage(cpu0);
        cpu.set(store, cpu.get(store)! + (used.user + used.system) / 1000);
      }
    }
    const [m, o] = [many, one].map((s) => times.get(s)!.sort((a, b) => a - b));
    const [mc, oc] = [many, one].map((s) => cpu.get(s)! / REQUESTS);
    const cells = (sorted: number[], meanCpu: number) =>
      `${percentile(sorted, 0.5).toFixed(2).padStart(8)} ${
        percentile(sorted, 0.99).toFixed(1).padStart(6)
      } ${meanCpu.toFixed(2).padStart(5)}`;
    console.log(
      `  ${kind.padEnd(10)} ${cells(m, mc)} | ${cells(o, oc)} | ${
        (percentile(m, 0.5) / percentile(o, 0.5)).toFixed(2).padStart(12)
      } ${(percentile(m, 0.99) / percentile(o, 0.99)).toFixed(2).padStart(4)} ${
        (mc / oc).toFixed(2).padStart(4)
      }`,
    );
  }
}

function reportSize(store: Store): void {
  const bandYears = store.bands * store.days / 365;
  console.log(
    `  KV on disk, ${store.name}: ${(store.bytesOnDisk / 1e6).toFixed(1)} MB, ${
      (store.bytesOnDisk / bandYears / 1e6).toFixed(2)
    } MB per band-year`,
  );
}

async function closeStore(store: Store): Promise<void> {
  store.kv.close();
  await Deno.remove(store.dir, { recursive: true });
}

console.log(
  `scale model: (a) ${MONTH_BANDS} bands × 30 days, (b) ${YEAR_BANDS} bands × 365 days${
    FULL ? " (full size)" : " (SCALE_FULL=1 for 10,000 and 100)"
  }`,
);
if (MONTH_BANDS > 0) {
  const many = await fillStore(
    `${MONTH_BANDS} bands × 30 days`,
    MONTH_BANDS,
    30,
  );
  const one = await fillStore("1 band × 30 days", 1, 30);
  reportSize(many);
  await compare(many, one);
  await closeStore(many);
  await closeStore(one);
}
if (YEAR_BANDS > 0) {
  const many = await fillStore(
    `${YEAR_BANDS} bands × 365 days`,
    YEAR_BANDS,
    365,
  );
  const one = await fillStore("1 band × 365 days", 1, 365);
  reportSize(many);
  reportSize(one);
  await compare(many, one);
  await closeStore(many);
  await closeStore(one);
}
