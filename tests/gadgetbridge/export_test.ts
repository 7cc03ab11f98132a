// The Gadgetbridge export: Gadgetbridge's tables at the stated schema version,
// and a round trip (import, export, import into a fresh band) that keeps every
// minute, reading and workout identical.
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import {
  addBand,
  type Agent,
  createApiTestApp,
  signUpOwner,
} from "../api/harness.ts";
import { readingsPrefix, sampleDaysPrefix } from "../../lib/db/keys.ts";
import {
  makeMinutes,
  TEST_MAC,
  writeGadgetbridgeDb,
} from "./_gadgetbridge_db.ts";

const NOW = Date.UTC(2024, 5, 1, 12, 0);
const MARCH_30 = Date.UTC(2024, 2, 30, 20) / 1000;

async function importFile(
  agent: Agent,
  bandId: string,
  mac: string,
  bytes: Uint8Array<ArrayBuffer>,
) {
  const res = await agent.request(
    "POST",
    `/api/bands/${bandId}/imports/gadgetbridge?device=${mac}`,
    { body: bytes, headers: { "Content-Type": "application/octet-stream" } },
  );
  assert.equal(res.status, 200, await res.clone().text());
  return await res.json();
}

async function listValues(kv: Deno.Kv, prefix: Deno.KvKey) {
  const out: [Deno.KvKeyPart, unknown][] = [];
  for await (const e of kv.list({ prefix })) out.push([e.key[2], e.value]);
  return out;
}

async function exportBand(agent: Agent, bandId: string) {
  const res = await agent.request(
    "GET",
    `/api/bands/${bandId}/export?format=gadgetbridge`,
  );
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("Content-Type"), "application/vnd.sqlite3");
  assert.match(
    res.headers.get("Content-Disposition") ?? "",
    /filename="Gadgetbridge"/,
  );
  return new Uint8Array(await res.arrayBuffer());
}

async function seed() {
  const t = await createApiTestApp({}, () => NOW);
  const owner = await signUpOwner(t, "ada", "Europe/Berlin");
  const first = await addBand(owner);
  // Minutes over the spring DST change, with gaps, readings, battery and workouts.
  const minutes = [
    ...makeMinutes(MARCH_30, 600),
    ...makeMinutes(MARCH_30 + 86400 * 3, 100),
  ];
  const { path, bytes } = writeGadgetbridgeDb({
    samples: [
      ...minutes,
      { t: MARCH_30 + 95, kind: 1, intensity: -1, steps: 0, hr: 77 },
      { t: MARCH_30 + 700 * 60, kind: 1, intensity: -1, steps: 0, hr: 81 },
    ],
    battery: [{ t: MARCH_30 + 10, level: 64 }, {
      t: MARCH_30 + 7200,
      level: 61,
    }],
    workouts: [
      { start: MARCH_30 * 1000, end: MARCH_30 * 1000 + 900_000, kind: 0x20 },
      { start: MARCH_30 * 1000 + 3e6, end: MARCH_30 * 1000 + 4e6, kind: 0x80 },
    ],
  });
  Deno.removeSync(path);
  const imported = await importFile(owner, first, TEST_MAC, bytes);
  assert.equal(imported.minutes, 700);
  return { t, owner, first };
}

function tableShape(db: DatabaseSync, table: string) {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as Record<
    string,
    unknown
  >[]).map((c) =>
    `${c.name} ${c.type}${c.notnull ? " NOT NULL" : ""}${
      c.pk ? ` PK${c.pk}` : ""
    }`
  );
}

Deno.test("[api] GET /api/bands/:id/export?format=gadgetbridge writes Gadgetbridge's tables at schema version 86", async () => {
  const { t, owner, first } = await seed();
  using _ = t;
  const bytes = await exportBand(owner, first);
  const path = Deno.makeTempFileSync();
  Deno.writeFileSync(path, bytes);
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    assert.deepEqual({ ...db.prepare("PRAGMA user_version").get() }, {
      user_version: 86,
    });
    assert.deepEqual(tableShape(db, "MI_BAND_ACTIVITY_SAMPLE"), [
      "TIMESTAMP INTEGER NOT NULL PK1",
      "DEVICE_ID INTEGER NOT NULL PK2",
      "USER_ID INTEGER NOT NULL",
      "RAW_INTENSITY INTEGER NOT NULL",
      "STEPS INTEGER NOT NULL",
      "RAW_KIND INTEGER NOT NULL",
      "HEART_RATE INTEGER NOT NULL",
    ]);
    assert.deepEqual(tableShape(db, "BATTERY_LEVEL"), [
      "TIMESTAMP INTEGER NOT NULL PK1",
      "DEVICE_ID INTEGER NOT NULL PK2",
      "LEVEL INTEGER NOT NULL",
      "BATTERY_INDEX INTEGER NOT NULL PK3",
    ]);
    assert.deepEqual(tableShape(db, "DEVICE"), [
      "_id INTEGER PK1",
      "NAME TEXT NOT NULL",
      "MANUFACTURER TEXT NOT NULL",
      "IDENTIFIER TEXT NOT NULL",
      "TYPE INTEGER NOT NULL",
      "TYPE_NAME TEXT NOT NULL",
      "MODEL TEXT",
      "ALIAS TEXT",
      "PARENT_FOLDER TEXT",
    ]);
    assert.deepEqual(tableShape(db, "USER"), [
      "_id INTEGER PK1",
      "NAME TEXT NOT NULL",
      "BIRTHDAY INTEGER NOT NULL",
      "GENDER INTEGER NOT NULL",
    ]);
    assert.deepEqual(tableShape(db, "BASE_ACTIVITY_SUMMARY").slice(0, 5), [
      "_id INTEGER PK1",
      "NAME TEXT",
      "START_TIME INTEGER NOT NULL",
      "END_TIME INTEGER NOT NULL",
      "ACTIVITY_KIND INTEGER NOT NULL",
    ]);
    assert.deepEqual(
      db.prepare(`SELECT IDENTIFIER, TYPE, TYPE_NAME FROM DEVICE`).all()
        .map((r) => ({ ...r })),
      [{ IDENTIFIER: TEST_MAC, TYPE: 16, TYPE_NAME: "MIBAND4" }],
    );
    const counts = db.prepare(
      `SELECT COUNT(*) AS n, MIN(TIMESTAMP) AS first FROM MI_BAND_ACTIVITY_SAMPLE WHERE RAW_INTENSITY >= 0`,
    ).get() as { n: number; first: number };
    assert.equal(counts.n, 700);
    assert.equal(counts.first, MARCH_30, "timestamps are in seconds");
    assert.deepEqual(
      db.prepare(
        `SELECT START_TIME AS s, ACTIVITY_KIND AS k FROM BASE_ACTIVITY_SUMMARY ORDER BY START_TIME`,
      ).all().map((r) => ({ ...r })),
      [{ s: MARCH_30 * 1000, k: 0x20 }, { s: MARCH_30 * 1000 + 3e6, k: 0x80 }],
    );
  } finally {
    db.close();
    Deno.removeSync(path);
  }
});

Deno.test("[api] a Gadgetbridge export imported into a fresh band gives identical minutes, readings and workouts", async () => {
  const { t, owner, first } = await seed();
  using _ = t;
  const bytes = await exportBand(owner, first) as Uint8Array<ArrayBuffer>;
  const second = await addBand(owner, "C8:0F:10:00:00:02");
  const result = await importFile(owner, second, TEST_MAC, bytes);
  assert.equal(result.minutes, 700);
  assert.equal(result.heartRateReadings, 2);
  assert.equal(result.batteryReadings, 2);
  assert.equal(result.workouts, 2);
  for (
    const prefix of [
      (id: string) => sampleDaysPrefix(id),
      (id: string) => readingsPrefix("heart_rate", id),
      (id: string) => readingsPrefix("workouts", id),
    ]
  ) {
    const a = await listValues(t.kv, prefix(first));
    const b = await listValues(t.kv, prefix(second));
    assert.ok(a.length > 0);
    assert.deepEqual(b, a);
  }
});
