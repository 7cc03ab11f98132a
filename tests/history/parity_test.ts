// Every surface tells the same per-day story (issue 9): for a generated year with
// every activity kind, gaps, a time-zone change and both DST switches, the daily
// API, the day, week, month and year pages (read from their HTML), the daily CSV
// and JSON Lines exports and the home page card report identical steps, active
// minutes, worn minutes, sleep and resting heart rate for each day.
// "Now" is fixed by replacing Date.now for this module only (each test module
// runs in its own isolate), so the result does not depend on the machine's clock.
import assert from "node:assert/strict";
import { changeTimeZone } from "../../lib/db/summary_rebuild.ts";
import { decodeRuns } from "../../lib/history/chart_details.ts";
import { getViewRange } from "../../lib/history/history_view.ts";
import type { ActivitySample } from "../../lib/minute/sample.ts";
import { generateHistory } from "../../lib/sim/history_generator.ts";
import { addDays, daysInRange, localDay } from "../../lib/time/zones.ts";
import { createHistoryApp } from "./_history_app.ts";
import { seedPersonWithBand, storeSampleRun } from "./_seed_history.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const FIRST_ZONE = "Europe/Berlin";
const ZONE = "America/New_York";
// The history ends at 17:00 New York time on 2025-01-05; "now" is a minute later.
const END = Date.UTC(2025, 0, 5, 22, 0);
const NOW = END + MINUTE_MS;
const TODAY = "2025-01-05";

/** One day's figures as a surface shows them; sleep is light plus deep minutes. */
interface Figures {
  steps: number;
  active: number;
  worn: number;
  sleep: number;
  resting: number | null;
}

type Surface = Map<string, Partial<Figures>>;

/** Rewrites stretches of the generated year so every kind byte appears, and cuts gaps. */
function varyYear(samples: ActivitySample[]): (ActivitySample | null)[] {
  const out: (ActivitySample | null)[] = samples.map((s) => ({ ...s }));
  const set = (at: number, length: number, kind: number, steps = 0) => {
    for (let i = at; i < at + length && i < out.length; i++) {
      const s = out[i];
      if (s) out[i] = { ...s, kind: i === at ? kind : kind | 0x50, steps };
    }
  };
  for (let day = 1; day * 1440 < out.length; day++) {
    const noon = day * 1440 + 12 * 60;
    if (day % 9 === 0) set(noon, 45, 0x04); // a ride without steps
    if (day % 11 === 0) set(noon + 60, 20, 0x5a, 12); // "ignore" kinds while walking
    if (day % 13 === 0) set(noon + 120, 30, 0x05); // a kind the band does not name
    if (day % 17 === 0) set(noon + 180, 15, 0x0c); // woke up, not moving
  }
  // Gaps: two whole days (longer than the kind carry-over), and an afternoon.
  out.fill(null, 100 * 1440, 102 * 1440);
  out.fill(null, 200 * 1440 + 13 * 60, 200 * 1440 + 18 * 60);
  return out;
}

/** Splits minutes into runs without gaps, as a syncing browser would upload them. */
function splitRuns(start: number, minutes: (ActivitySample | null)[]) {
  const runs: { start: number; samples: ActivitySample[] }[] = [];
  let current: ActivitySample[] | null = null;
  minutes.forEach((s, i) => {
    if (s === null) {
      current = null;
      return;
    }
    if (current === null) {
      current = [];
      runs.push({ start: start + i * MINUTE_MS, samples: current });
    }
    current.push(s);
  });
  return runs;
}

function unescapeHtml(text: string): string {
  return text.replaceAll("&quot;", '"').replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

function readFigure(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  assert.ok(at >= 0, `no figure ${id}`);
  return html.slice(at, html.indexOf("</figure>", at));
}

function note(surface: Surface, day: string, figures: Partial<Figures>) {
  surface.set(day, { ...surface.get(day), ...figures });
}

/** Reads the week and month charts' bars (their data-* attributes). */
function readRangeBars(html: string, surface: Surface): void {
  const series: [string, keyof Figures][] = [
    ["range-steps", "steps"],
    ["range-active", "active"],
    ["range-worn", "worn"],
    ["range-resting", "resting"],
  ];
  for (const [id, field] of series) {
    const figure = readFigure(html, id);
    for (
      const m of figure.matchAll(/data-day="([\d-]+)" data-value="(\d+)"/g)
    ) {
      note(surface, m[1], { [field]: Number(m[2]) });
    }
  }
  const sleep = readFigure(html, "range-sleep");
  const pattern = /data-day="([\d-]+)" data-light="(\d+)" data-deep="(\d+)"/g;
  for (const m of sleep.matchAll(pattern)) {
    note(surface, m[1], { sleep: Number(m[2]) + Number(m[3]) });
  }
}

/** Reads the year charts' per-day values from the hover-details island's props. */
function readYearDetails(html: string, surface: Surface): void {
  const props = html.match(/data-props="([^"]*)"/);
  assert.ok(props, "the year page has no chart details");
  const { charts } = JSON.parse(unescapeHtml(props[1])) as {
    charts: { target: string; axis: { first: string }; runs: number[] }[];
  };
  const fields: Record<string, keyof Figures> = {
    "range-steps": "steps",
    "range-active": "active",
    "range-worn": "worn",
    "range-resting": "resting",
    "range-sleep": "sleep",
  };
  for (const chart of charts) {
    const field = fields[chart.target];
    if (!field) continue;
    decodeRuns(chart.runs).forEach((value, i) => {
      if (value !== null) {
        note(surface, addDays(chart.axis.first, i), { [field]: value });
      }
    });
  }
}

function readDayTotals(html: string, surface: Surface): void {
  const m = html.match(
    /data-day="([\d-]+)" data-steps="(\d+)" data-active-minutes="(\d+)" data-worn-minutes="(\d+)" data-sleep-minutes="(\d+)" data-resting-heart-rate="(\d*)"/,
  );
  if (!m) return;
  surface.set(m[1], {
    steps: Number(m[2]),
    active: Number(m[3]),
    worn: Number(m[4]),
    sleep: Number(m[5]),
    resting: m[6] === "" ? null : Number(m[6]),
  });
}

function readExportRow(row: Record<string, string | number | null>): Figures {
  const number = (v: string | number | null) =>
    v === null || v === "" ? null : Number(v);
  return {
    steps: number(row.steps)!,
    active: number(row.active_min)!,
    worn: number(row.worn_min)!,
    sleep: number(row.sleep_light_min)! + number(row.sleep_deep_min)!,
    resting: number(row.resting_hr_bpm),
  };
}

/** Compares one surface with the API, day by day; a missing sleep reads as none. */
function assertSame(name: string, api: Map<string, Figures>, seen: Surface) {
  for (const [day, figures] of seen) {
    const expected = api.get(day);
    assert.ok(expected, `${name} shows ${day}, which has no data`);
    assert.deepEqual(
      { sleep: 0, resting: null, ...figures },
      expected,
      `${name} on ${day}`,
    );
  }
}

Deno.test("every surface reports the same per-day figures for a year with a zone change and both DST switches", async () => {
  const realNow = Date.now;
  Date.now = () => NOW;
  const kv = await Deno.openKv(":memory:");
  try {
    const ada = await seedPersonWithBand(kv, {
      timeZone: FIRST_ZONE,
      now: NOW,
      stepGoal: 8000,
    });
    const { batch } = generateHistory({
      end: END,
      weeks: 53,
      seed: 11,
      utcOffsetMinutes: -300,
    });
    const runs = splitRuns(batch.start, varyYear(batch.samples));
    // The first half syncs while the person lives in Berlin, the rest after moving.
    const half = Math.floor(runs.length / 2);
    const upload = async (part: typeof runs, timeZone: string) => {
      for (const run of part) {
        await storeSampleRun(kv, ada.bandId, {
          ...run,
          utcOffsetMinutes: -300,
        }, { timeZone, now: NOW });
      }
    };
    await upload(runs.slice(0, half), FIRST_ZONE);
    await changeTimeZone(kv, ada.userId, ZONE);
    await upload(runs.slice(half), ZONE);

    const app = createHistoryApp(kv);
    const get = async (path: string) => {
      const res = await app.request(`http://localhost${path}`, {
        headers: { Cookie: ada.cookie, Accept: "text/html" },
      });
      assert.equal(res.status, 200, path);
      return await res.text();
    };
    const from = localDay(batch.start, ZONE);
    const base = `/api/bands/${ada.bandId}`;
    const history = `/devices/${ada.bandId}/history`;

    // The daily API is the reference.
    const body = JSON.parse(
      await get(`${base}/summaries/daily?from=${from}&to=${TODAY}`),
    );
    assert.equal(body.timeZone, ZONE);
    const api = new Map<string, Figures>();
    for (const d of body.days) {
      api.set(d.day, {
        steps: d.steps,
        active: d.activeMinutes,
        worn: d.wornMinutes,
        sleep: d.lightSleepMinutes + d.deepSleepMinutes,
        resting: d.restingHeartRate,
      });
    }
    // The year really has gaps, both New York DST days, and each kind of figure.
    const days = daysInRange(from, TODAY);
    assert.ok(api.size > 360 && api.size < days.length, `${api.size} days`);
    const dst = body.days.filter((d: { start: number; end: number }) =>
      d.end - d.start !== DAY_MS
    );
    assert.deepEqual(dst.map((d: { day: string }) => d.day), [
      "2024-03-10",
      "2024-11-03",
    ]);
    const all = [...api.values()];
    assert.ok(all.some((f) => f.sleep > 0 && f.active > 0 && f.worn > 0));
    assert.ok(all.some((f) => f.resting !== null));

    const dayPages: Surface = new Map();
    for (const day of days) {
      readDayTotals(await get(`${history}?view=day&day=${day}`), dayPages);
    }
    assert.equal(dayPages.size, api.size);
    assertSame("day page", api, dayPages);

    for (const view of ["week", "month"] as const) {
      const seen: Surface = new Map();
      for (
        let anchor = from;
        anchor <= TODAY;
        anchor = addDays(getViewRange(view, anchor).to, 1)
      ) {
        readRangeBars(await get(`${history}?view=${view}&day=${anchor}`), seen);
      }
      assert.equal(seen.size, api.size, view);
      assertSame(`${view} page`, api, seen);
    }

    const years: Surface = new Map();
    for (let y = Number(from.slice(0, 4)); y <= 2025; y++) {
      readYearDetails(await get(`${history}?view=year&day=${y}-06-01`), years);
    }
    assert.equal(years.size, api.size);
    assertSame("year page", api, years);

    const exportPath = `${base}/export?data=daily&from=${from}&to=${TODAY}`;
    const csv = (await get(`${exportPath}&format=csv`)).trim().split("\n");
    const header = csv[0].split(",");
    const csvDays: Surface = new Map();
    for (const line of csv.slice(1)) {
      const cells = line.split(",");
      const row = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
      csvDays.set(String(row.day), readExportRow(row));
    }
    assert.equal(csvDays.size, api.size);
    assertSame("daily CSV", api, csvDays);

    const jsonl = (await get(`${exportPath}&format=jsonl`)).trim().split("\n");
    const jsonDays: Surface = new Map();
    for (const line of jsonl) {
      const row = JSON.parse(line);
      jsonDays.set(row.day, readExportRow(row));
    }
    assert.equal(jsonDays.size, api.size);
    assertSame("daily JSON Lines", api, jsonDays);

    const home = await get("/");
    const card = home.match(/data-day="([\d-]+)" data-steps="(\d*)"/);
    assert.ok(card, "the home page card shows no steps");
    assert.equal(card[1], TODAY);
    assert.equal(Number(card[2]), api.get(TODAY)?.steps);
  } finally {
    kv.close();
    Date.now = realNow;
  }
});
