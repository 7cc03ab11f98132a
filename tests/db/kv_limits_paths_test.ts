// Every write path with the largest inputs the API accepts, run through
// `withKvLimits` (which throws on any breach of hosted KV's limits) and a meter
// that keeps the largest atomic commit of each path; the last test prints them.
import assert from "node:assert/strict";
import { KV_LIMITS, withKvLimits } from "../../lib/db/kv_limits.ts";
import {
  MAX_UPLOAD_MINUTES,
  uploadSamplesSchema,
} from "../../lib/api/sample_schemas.ts";
import { encodeSampleData } from "../../lib/api/sample_data.ts";
import { decodeSamples } from "../../lib/minute/sample.ts";
import { decodeUploadBatches } from "../../lib/auth/upload_batches.ts";
import {
  buildReadingsBodySchema,
  type ReadingKindName,
} from "../../lib/api/reading_schemas.ts";
import {
  bandSettingsPatchSchema,
  bandSettingsSchema,
  mergeBandSettings,
} from "../../lib/api/band_schemas.ts";
import { deleteBand, getBand, updateBand } from "../../lib/db/bands.ts";
import { deleteAccount } from "../../lib/db/purge.ts";
import {
  MAX_FIGURE_DAYS,
  MAX_UPLOAD_UTC_DAYS,
  storeSamples,
} from "../../lib/db/samples.ts";
import { storeReadings } from "../../lib/db/readings.ts";
import { startSession } from "../../lib/auth/session.ts";
import { ValueTooLargeError } from "../../lib/db/errors.ts";
import { changeTimeZone } from "../../lib/db/summary_rebuild.ts";
import { getSyncState } from "../../lib/db/sync_state.ts";
import { listDailySummaries } from "../../lib/db/history_queries.ts";
import { type CommitSize, meterCommits } from "../support/commit_meter.ts";
import {
  addBandFor,
  addPerson,
  buildWorstMinutes,
  MINUTE_MS,
} from "../support/scale_data.ts";

const NOW = Date.UTC(2026, 5, 1);
const DAY_MS = 86_400_000;
const ZONE = "Europe/Berlin";

/** The largest commit of each path, filled by the tests below, printed by the last. */
const largestByPath = new Map<string, CommitSize>();

async function withMeteredKv(
  fn: (kv: Deno.Kv, label: (name: string) => void) => Promise<void>,
): Promise<void> {
  const raw = await Deno.openKv(":memory:");
  const meter = meterCommits(withKvLimits(raw));
  meter.label("person: create");
  try {
    await fn(meter.kv, meter.label);
  } finally {
    raw.close();
    for (const [path, size] of meter.largest) {
      const best = largestByPath.get(path);
      if (!best || size.bytes > best.bytes) largestByPath.set(path, size);
    }
  }
}

/** Builds an upload as the API would accept it, then decodes it as the route does. */
function buildUpload(runs: { start: number; minutes: number }[]) {
  const body = uploadSamplesSchema.parse({
    batches: runs.map((r) => ({
      start: r.start,
      utcOffsetMinutes: 60,
      data: encodeSampleData(
        decodeSamples(buildWorstMinutes(r.start, r.minutes)),
      ),
    })),
  });
  return decodeUploadBatches(body.batches, NOW);
}

async function upload(
  kv: Deno.Kv,
  band: { id: string; userId: string },
  runs: { start: number; minutes: number }[],
) {
  return await storeSamples(kv, band.id, buildUpload(runs), {
    timeZone: ZONE,
    now: NOW,
    owner: band.userId,
  });
}

/** Fills a band with minutes from `from`, in uploads of at most 31 days. */
async function fillDays(
  kv: Deno.Kv,
  band: { id: string; userId: string },
  from: number,
  days: number,
): Promise<void> {
  for (let d = 0; d < days; d += 31) {
    const minutes = Math.min(31, days - d) * 1440;
    // One batch carries at most 100 KB of base64 comfortably; split per day.
    const runs = [];
    for (let m = 0; m < minutes; m += 1440) {
      runs.push({ start: from + (d * 1440 + m) * MINUTE_MS, minutes: 1440 });
    }
    await upload(kv, band, runs);
  }
}

Deno.test("storeSamples() stores a maximum contiguous upload within hosted KV's limits", async () => {
  await withMeteredKv(async (kv, label) => {
    const userId = await addPerson(kv, "ada", ZONE);
    const band = await addBandFor(kv, userId, 1);
    // 31 days of minutes starting mid-day touch 32 UTC days.
    const start = Date.UTC(2026, 0, 10, 12, 30);
    label("upload: 31 days contiguous (32 UTC days)");
    const res = await upload(kv, band, [{
      start,
      minutes: MAX_UPLOAD_MINUTES,
    }]);
    assert.equal(res.added, MAX_UPLOAD_MINUTES);
    // The same upload again onto stored days: nothing to write.
    label("upload: 31 days again (idempotent)");
    assert.equal(
      (await upload(kv, band, [{
        start,
        minutes: MAX_UPLOAD_MINUTES,
      }])).added,
      0,
    );
  });
});

Deno.test("storeSamples() stores the most scattered upload the 413 rule allows within hosted KV's limits", async () => {
  await withMeteredKv(async (kv, label) => {
    const userId = await addPerson(kv, "ada", ZONE);
    // Runs across New Year write two years of series each. Seven runs of four
    // UTC days reach 56 figure days and 8 series years; eleven one-day runs
    // reach 55 figure days and 12 series years (every year since 2015). The
    // bound: 32 packed days (8.6 KB), 60 figure days (about 3.7 KB with the most
    // sleep sessions a day can hold) and 12 series years (10 KB) make about
    // 620 KB, under the 800 KiB a commit may hold.
    const uploads: [string, { start: number; minutes: number }[]][] = [
      [
        "upload: 7 runs of 4 days over 8 New Years",
        Array.from({ length: 7 }, (_, i) => ({
          start: Date.UTC(2018 + i, 11, 30),
          minutes: 4 * 1440,
        })),
      ],
      [
        "upload: 11 one-day runs over 12 years",
        Array.from({ length: 11 }, (_, i) => ({
          start: Date.UTC(2015 + i, 11, 31, 12),
          minutes: 1440,
        })),
      ],
      [
        "upload: 100 batches of one minute on 17 days",
        Array.from({ length: 100 }, (_, i) => ({
          start: Date.UTC(2026, 0, 1) + Math.floor(i / 6) * 3 * DAY_MS +
            (i % 6) * 127 * MINUTE_MS,
          minutes: 1,
        })),
      ],
    ];
    for (const [i, [name, runs]] of uploads.entries()) {
      const band = await addBandFor(kv, userId, i);
      label(name);
      const res = await upload(kv, band, runs);
      assert.equal(res.added, runs.reduce((n, r) => n + r.minutes, 0));
    }
  });
});

Deno.test("storeSamples() refuses, with a RangeError, an upload just past the 413 rule", async () => {
  await withMeteredKv(async (kv) => {
    const userId = await addPerson(kv, "ada", ZONE);
    const band = await addBandFor(kv, userId, 1);
    // 13 isolated days: 5 figure days each, 65 in all.
    const runs = Array.from({ length: 13 }, (_, i) => ({
      start: Date.UTC(2025, 0, 1 + i * 7),
      minutes: 1440,
    }));
    await assert.rejects(() => upload(kv, band, runs), RangeError);
    assert.ok(MAX_FIGURE_DAYS < 65 && MAX_UPLOAD_UTC_DAYS === 32);
  });
});

Deno.test("updateBand() saves a band with every setting at its largest within hosted KV's limits", async () => {
  await withMeteredKv(async (kv, label) => {
    const userId = await addPerson(kv, "ada", ZONE);
    label("band: create with every setting at its largest");
    const band = await addBandFor(kv, userId, 1, { largest: true });
    label("band: PATCH every settings section at its largest");
    const patch = bandSettingsPatchSchema.parse(band.settings);
    const saved = await updateBand(kv, userId, band.id, (b) => ({
      ...b,
      settings: bandSettingsSchema.parse(mergeBandSettings(b.settings, patch)),
    }));
    assert.deepEqual(saved?.settings, band.settings);
    assert.equal(Object.keys(band.settings.general ?? {}).length, 64);
  });
});

const MAX_READINGS = 200;

function buildReadings(kind: ReadingKindName): { time: number }[] {
  // Spread over every year since 2015: one workout start index per year.
  const times = Array.from(
    { length: MAX_READINGS },
    (_, i) => Date.UTC(2015 + (i % 12), i % 12, 1 + (i % 28), 0, i),
  );
  const raw = btoa(String.fromCharCode(...new Uint8Array(1026).fill(0xa5)));
  const readings = times.map((time, i) => {
    switch (kind) {
      case "battery":
        return { time, level: 100, charging: true };
      case "heart_rate":
        return { time, bpm: 250 };
      case "workouts":
        return {
          time,
          end: time + 3_600_000,
          type: 0xffff,
          steps: 1e9 + i,
          distanceMeters: 1e9 + 0.5,
          calories: 1e9 + 0.25,
          averageHeartRate: 255,
          maxHeartRate: 255,
          raw,
        };
      case "band_events":
        return { time, type: "x".repeat(32), detail: "漢".repeat(200) };
    }
  });
  return buildReadingsBodySchema(kind).parse({ readings }).readings;
}

Deno.test("storeReadings() stores a maximum batch of each kind within hosted KV's limits", async () => {
  await withMeteredKv(async (kv, label) => {
    const userId = await addPerson(kv, "ada", ZONE);
    const band = await addBandFor(kv, userId, 1);
    for (
      const kind of [
        "battery",
        "heart_rate",
        "workouts",
        "band_events",
      ] as const
    ) {
      label(`readings: ${MAX_READINGS} ${kind} over 12 years`);
      const added = await storeReadings(
        kv,
        kind,
        band.id,
        buildReadings(kind),
        { owner: userId },
      );
      assert.equal(added, MAX_READINGS);
    }
  });
});

Deno.test("storeReadings() refuses with a 413 the workout that would overflow a year's start index", async () => {
  await withMeteredKv(async (kv, label) => {
    const userId = await addPerson(kv, "ada", ZONE);
    const band = await addBandFor(kv, userId, 1);
    label("readings: filling a year's workout start index");
    const start = Date.UTC(2025, 0, 1);
    // 8,190 starts of 8 bytes and V8's framing fill a 64 KiB value.
    for (let i = 0; i < 8190; i += MAX_READINGS) {
      const batch = Array.from(
        { length: Math.min(MAX_READINGS, 8190 - i) },
        (_, j) => ({ time: start + (i + j) * MINUTE_MS, end: start }),
      ).map((w) => ({ ...w, end: w.time, type: 1 }));
      await storeReadings(kv, "workouts", band.id, batch, { owner: userId });
    }
    await assert.rejects(
      () =>
        storeReadings(kv, "workouts", band.id, [{
          time: start + 9000 * MINUTE_MS,
          end: start + 9000 * MINUTE_MS,
          type: 1,
        }], { owner: userId }),
      ValueTooLargeError,
    );
  });
});

Deno.test("changeTimeZone() rebuilds a year of figures within hosted KV's limits", async () => {
  await withMeteredKv(async (kv, label) => {
    const userId = await addPerson(kv, "ada", ZONE);
    const band = await addBandFor(kv, userId, 1);
    label("upload: filling a year, 31 days at a time");
    await fillDays(kv, band, Date.UTC(2025, 0, 1), 365);
    label("rebuild: a year after a time-zone change");
    assert.equal(await changeTimeZone(kv, userId, "Pacific/Kiritimati"), true);
    const state = await getSyncState(kv, band.id);
    assert.equal(state.figures?.timeZone, "Pacific/Kiritimati");
    assert.equal(state.rebuild, null);
    const days = await listDailySummaries(kv, band.id, {
      from: "2025-01-01",
      to: "2026-01-01",
    });
    assert.ok(days.length >= 365);
    label("purge: a band with a year of minutes and readings");
    await storeReadings(
      kv,
      "heart_rate",
      band.id,
      buildReadings("heart_rate"),
    );
    assert.equal(await deleteBand(kv, userId, band.id, { now: NOW }), true);
    assert.equal(await getBand(kv, userId, band.id), null);
    assert.deepEqual(
      await Array.fromAsync(kv.list({ prefix: ["samples"] })),
      [],
    );
  });
});

Deno.test("an account with 20 bands of the largest settings and 600 sessions changes zone and is purged within hosted KV's limits", async () => {
  await withMeteredKv(async (kv, label) => {
    const userId = await addPerson(kv, "ada", ZONE);
    const bands = [];
    for (let i = 0; i < 20; i++) {
      label("band: create with every setting at its largest");
      const band = await addBandFor(kv, userId, i, { largest: true });
      label("upload: filling 62 days, 31 days at a time");
      await fillDays(kv, band, Date.UTC(2026, 2, 1), 62);
      label(`readings: ${MAX_READINGS} workouts over 12 years`);
      await storeReadings(
        kv,
        "workouts",
        band.id,
        buildReadings("workouts"),
      );
      bands.push(band);
    }
    label("sessions: signing in 600 times");
    for (let i = 0; i < 600; i++) {
      await startSession(kv, userId, { now: NOW });
    }
    label("rebuild: 20 bands after a time-zone change");
    assert.equal(await changeTimeZone(kv, userId, "America/St_Johns"), true);
    label("purge: an account with 20 bands");
    const res = await deleteAccount(kv, userId, { now: NOW });
    assert.equal(res.ok, true);
    const left = await Array.fromAsync(kv.list({ prefix: [] }), (e) => e.key);
    assert.deepEqual(left, []);
  });
});

Deno.test("the largest atomic commit of every path is within hosted KV's limits (printed)", () => {
  assert.ok(largestByPath.size >= 10, "every path above was measured");
  const rows = [...largestByPath].sort((a, b) => b[1].bytes - a[1].bytes);
  console.log("Largest atomic commit by path (bytes = keys + values):");
  for (const [path, s] of rows) {
    console.log(
      `  ${path.padEnd(56)} ${String(s.mutations).padStart(4)} mutations ${
        String(s.checks).padStart(2)
      } checks ${(s.bytes / 1024).toFixed(1).padStart(6)} KiB (largest value ${
        (s.largestValue / 1024).toFixed(1)
      } KiB)`,
    );
  }
  const [topPath, top] = rows[0];
  const mostMutations = Math.max(...rows.map(([, s]) => s.mutations));
  console.log(
    `Largest: ${topPath}: ${top.mutations} mutations, ${top.bytes} bytes; most mutations in one commit: ${mostMutations}`,
  );
  for (const [path, s] of rows) {
    assert.ok(s.bytes <= KV_LIMITS.maxCommitBytes, path);
    assert.ok(s.mutations <= KV_LIMITS.maxMutations, path);
    assert.ok(s.checks <= KV_LIMITS.maxChecks, path);
    assert.ok(s.largestValue <= KV_LIMITS.maxValueBytes, path);
  }
});
