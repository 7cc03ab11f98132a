import assert from "node:assert/strict";
import { parseCsv, parseCsvRecords } from "../support/csv_parse.ts";
import {
  DAILY_COLUMNS,
  type DailyExportRow,
  MINUTE_COLUMNS,
  type MinuteExportRow,
} from "../../lib/history/export_columns.ts";
import {
  encodeCsvCell,
  streamCsv,
  streamJsonLines,
} from "../../lib/history/export_stream.ts";

const START = Date.UTC(2024, 0, 1);

function makeMinute(i: number): MinuteExportRow {
  return {
    time: START + i * 60_000,
    utcOffsetMinutes: 60,
    rawKind: 0x50 | (i % 13),
    kind: (i * 7) % 13,
    intensity: (i * 31) % 256,
    steps: (i * 17) % 120,
    heartRate: i % 5 === 0 ? null : 50 + (i % 70),
  };
}

Deno.test("streamCsv() round-trips raw minutes to the same numbers", async () => {
  const rows = Array.from({ length: 1234 }, (_, i) => makeMinute(i));
  const text = await new Response(
    streamCsv(rows, MINUTE_COLUMNS, { rowsPerChunk: 100 }),
  )
    .text();
  const records = parseCsvRecords(text);
  assert.equal(records.length, 1234);
  assert.deepEqual(Object.keys(records[0]), [
    "time_utc",
    "utc_offset_min",
    "raw_kind",
    "kind",
    "class",
    "intensity",
    "steps",
    "heart_rate_bpm",
  ]);
  const back: MinuteExportRow[] = records.map((r) => ({
    time: Date.parse(r.time_utc),
    utcOffsetMinutes: Number(r.utc_offset_min),
    rawKind: Number(r.raw_kind),
    kind: Number(r.kind),
    intensity: Number(r.intensity),
    steps: Number(r.steps),
    heartRate: r.heart_rate_bpm === "" ? null : Number(r.heart_rate_bpm),
  }));
  assert.deepEqual(back, rows);
  assert.equal(records[1].time_utc, "2024-01-01T00:01:00.000Z");
});

Deno.test("streamCsv() round-trips daily summaries with empty cells for unknowns", async () => {
  const rows: DailyExportRow[] = [
    {
      day: "2024-03-31",
      steps: 12034,
      stepGoal: 8000,
      activeMinutes: 95,
      wornMinutes: 1300,
      recordedMinutes: 1380,
      dayMinutes: 1380,
      restingHeartRate: 57,
      lightSleepMinutes: 300,
      deepSleepMinutes: 95,
    },
    {
      day: "2024-04-01",
      steps: 0,
      stepGoal: null,
      activeMinutes: 0,
      wornMinutes: 0,
      recordedMinutes: 0,
      dayMinutes: 1440,
      restingHeartRate: null,
      lightSleepMinutes: 0,
      deepSleepMinutes: 0,
    },
  ];
  const text = await new Response(streamCsv(rows, DAILY_COLUMNS)).text();
  assert.equal(
    text.split("\n")[0],
    "day,steps,step_goal,active_min,worn_min,recorded_min,day_min,resting_hr_bpm,sleep_light_min,sleep_deep_min",
  );
  assert.equal(text.split("\n")[2], "2024-04-01,0,,0,0,0,1440,,0,0");
  const cells = parseCsv(text).slice(1);
  assert.deepEqual(cells.map((c) => c.map((v) => (v === "" ? null : v))), [
    [
      "2024-03-31",
      "12034",
      "8000",
      "95",
      "1300",
      "1380",
      "1380",
      "57",
      "300",
      "95",
    ],
    ["2024-04-01", "0", null, "0", "0", "0", "1440", null, "0", "0"],
  ]);
});

Deno.test("streamJsonLines() writes one object per row with nulls kept", async () => {
  const text = await new Response(
    streamJsonLines([makeMinute(0), makeMinute(1)], MINUTE_COLUMNS),
  )
    .text();
  const lines = text.trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(lines[0], {
    time_utc: "2024-01-01T00:00:00.000Z",
    utc_offset_min: 60,
    raw_kind: 0x50,
    kind: 0,
    class: "unknown",
    intensity: 0,
    steps: 0,
    heart_rate_bpm: null,
  });
  assert.equal(lines[1].heart_rate_bpm, 51);
  assert.equal(lines[1].class, "unknown");
  assert.equal(lines.length, 2);
});

Deno.test("exports carry only documented columns, never an auth key", async () => {
  const secret = "0123456789abcdef0123456789abcdef";
  const row = { ...makeMinute(3), authKey: secret } as MinuteExportRow;
  const csv = await new Response(streamCsv([row], MINUTE_COLUMNS)).text();
  const jsonl = await new Response(streamJsonLines([row], MINUTE_COLUMNS))
    .text();
  assert.equal(csv.includes(secret), false);
  assert.equal(jsonl.includes(secret), false);
  assert.equal(jsonl.includes("authKey"), false);
});

Deno.test("encodeCsvCell() quotes commas, quotes and line breaks", () => {
  assert.equal(
    encodeCsvCell('say "hi", then\nleave'),
    '"say ""hi"", then\nleave"',
  );
  assert.equal(encodeCsvCell(12), "12");
  assert.equal(encodeCsvCell(null), "");
  assert.deepEqual(parseCsv('a,"b,""c"""\r\n1,2\n'), [["a", 'b,"c"'], [
    "1",
    "2",
  ]]);
  assert.throws(() => parseCsv('"open'), SyntaxError);
});

Deno.test("streamCsv() streams a year of minutes with bounded read-ahead", async () => {
  const yearMinutes = 366 * 1440;
  let produced = 0;
  async function* generate(): AsyncGenerator<MinuteExportRow> {
    for (let i = 0; i < yearMinutes; i++) {
      produced++;
      yield makeMinute(i);
    }
  }
  const reader = streamCsv(generate(), MINUTE_COLUMNS, { rowsPerChunk: 500 })
    .getReader();
  let lines = 0;
  let bytes = 0;
  let maxAhead = 0;
  let stepsTotal = 0;
  let carry = "";
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    const text = carry + decoder.decode(value, { stream: true });
    const parts = text.split("\n");
    carry = parts.pop()!;
    for (const line of parts) {
      if (lines > 0) stepsTotal += Number(line.split(",")[6]);
      lines++;
    }
    maxAhead = Math.max(maxAhead, produced - (lines - 1));
  }
  let expectedSteps = 0;
  for (let i = 0; i < yearMinutes; i++) expectedSteps += (i * 17) % 120;
  assert.equal(lines, yearMinutes + 1);
  assert.equal(stepsTotal, expectedSteps);
  assert.equal(produced, yearMinutes);
  // The generator may run at most a couple of chunks ahead of what was read.
  assert.ok(maxAhead <= 1500, `read-ahead was ${maxAhead} rows`);
  assert.ok(bytes > 20_000_000, `only ${bytes} bytes`);
});

Deno.test("cancelling an export stops the row source", async () => {
  let finished = false;
  async function* generate(): AsyncGenerator<MinuteExportRow> {
    try {
      for (let i = 0;; i++) yield makeMinute(i);
    } finally {
      finished = true;
    }
  }
  const reader = streamJsonLines(generate(), MINUTE_COLUMNS).getReader();
  await reader.read();
  await reader.cancel();
  assert.equal(finished, true);
});
