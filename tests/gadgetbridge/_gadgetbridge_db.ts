// Builds small Gadgetbridge databases for tests with node:sqlite, in the table
// shapes the shared format doc records from real exports (an older schema: no
// TYPE_NAME in DEVICE, no RAW_DETAILS_PATH in the summaries).
import { DatabaseSync } from "node:sqlite";

/** One MI_BAND_ACTIVITY_SAMPLE row (seconds; -1 = no value). */
export interface SampleRow {
  t: number;
  kind: number;
  intensity: number;
  steps: number;
  hr: number;
}

/** What a test database holds. */
export interface TestDatabase {
  devices?: { id: number; mac: string; name: string; type: number }[];
  samples?: (SampleRow & { device?: number })[];
  battery?: { t: number; level: number; device?: number; index?: number }[];
  workouts?: { start: number; end: number; kind: number; device?: number }[];
  /** Leave out these tables. */
  without?: string[];
  userVersion?: number;
}

const TABLES: Record<string, string> = {
  DEVICE:
    `CREATE TABLE "DEVICE" ("_id" INTEGER PRIMARY KEY ,"NAME" TEXT NOT NULL ,"MANUFACTURER" TEXT NOT NULL ,
    "IDENTIFIER" TEXT NOT NULL UNIQUE ,"TYPE" INTEGER NOT NULL ,"MODEL" TEXT,"ALIAS" TEXT)`,
  USER:
    `CREATE TABLE "USER" ("_id" INTEGER PRIMARY KEY ,"NAME" TEXT NOT NULL ,"BIRTHDAY" INTEGER NOT NULL ,"GENDER" INTEGER NOT NULL )`,
  MI_BAND_ACTIVITY_SAMPLE:
    `CREATE TABLE "MI_BAND_ACTIVITY_SAMPLE" ("TIMESTAMP" INTEGER NOT NULL ,"DEVICE_ID" INTEGER NOT NULL ,
    "USER_ID" INTEGER NOT NULL ,"RAW_INTENSITY" INTEGER NOT NULL ,"STEPS" INTEGER NOT NULL ,"RAW_KIND" INTEGER NOT NULL ,
    "HEART_RATE" INTEGER NOT NULL ,PRIMARY KEY ("TIMESTAMP" ,"DEVICE_ID" ) ON CONFLICT REPLACE) WITHOUT ROWID`,
  BATTERY_LEVEL:
    `CREATE TABLE "BATTERY_LEVEL" ("TIMESTAMP" INTEGER NOT NULL ,"DEVICE_ID" INTEGER NOT NULL ,"LEVEL" INTEGER NOT NULL ,
    "BATTERY_INDEX" INTEGER NOT NULL ,PRIMARY KEY ("TIMESTAMP" ,"DEVICE_ID" ,"BATTERY_INDEX" ) ON CONFLICT REPLACE) WITHOUT ROWID`,
  BASE_ACTIVITY_SUMMARY:
    `CREATE TABLE "BASE_ACTIVITY_SUMMARY" ("_id" INTEGER PRIMARY KEY ,"NAME" TEXT,"START_TIME" INTEGER NOT NULL ,
    "END_TIME" INTEGER NOT NULL ,"ACTIVITY_KIND" INTEGER NOT NULL ,"BASE_LONGITUDE" INTEGER,"BASE_LATITUDE" INTEGER,
    "BASE_ALTITUDE" INTEGER,"GPX_TRACK" TEXT,"DEVICE_ID" INTEGER NOT NULL ,"USER_ID" INTEGER NOT NULL ,
    "SUMMARY_DATA" TEXT,"RAW_SUMMARY_DATA" BLOB)`,
  // One of the dozens of other vendors' tables a real export carries.
  PEBBLE_HEALTH_ACTIVITY_SAMPLE:
    `CREATE TABLE "PEBBLE_HEALTH_ACTIVITY_SAMPLE" ("TIMESTAMP" INTEGER NOT NULL ,"DEVICE_ID" INTEGER NOT NULL ,
    "USER_ID" INTEGER NOT NULL ,"RAW_PEBBLE_HEALTH_DATA" BLOB,"RAW_INTENSITY" INTEGER NOT NULL ,"STEPS" INTEGER NOT NULL ,
    "HEART_RATE" INTEGER NOT NULL ,PRIMARY KEY ("TIMESTAMP" ,"DEVICE_ID" ) ON CONFLICT REPLACE) WITHOUT ROWID`,
};

/** The test band's MAC, as Gadgetbridge stores it. */
export const TEST_MAC = "C8:0F:10:AA:BB:CC";

/** Writes a Gadgetbridge-shaped database to a new temp file and returns its bytes and path. */
export function writeGadgetbridgeDb(content: TestDatabase): {
  path: string;
  bytes: Uint8Array<ArrayBuffer>;
} {
  const path = Deno.makeTempFileSync({ suffix: ".gadgetbridge" });
  const db = new DatabaseSync(path);
  db.exec(`CREATE TABLE android_metadata (locale TEXT)`);
  for (const [name, ddl] of Object.entries(TABLES)) {
    if (!content.without?.includes(name)) db.exec(ddl);
  }
  db.exec(`PRAGMA user_version = ${content.userVersion ?? 64}`);
  db.exec("BEGIN");
  const devices = content.devices ??
    [{ id: 1, mac: TEST_MAC, name: "Mi Smart Band 4", type: 16 }];
  if (!content.without?.includes("DEVICE")) {
    const insert = db.prepare(
      `INSERT INTO DEVICE ("_id", NAME, MANUFACTURER, IDENTIFIER, TYPE, MODEL) VALUES (?, ?, 'Huami', ?, ?, NULL)`,
    );
    for (const d of devices) insert.run(d.id, d.name, d.mac, d.type);
  }
  if (!content.without?.includes("MI_BAND_ACTIVITY_SAMPLE")) {
    const insert = db.prepare(
      `INSERT INTO MI_BAND_ACTIVITY_SAMPLE VALUES (?, ?, 1, ?, ?, ?, ?)`,
    );
    for (const s of content.samples ?? []) {
      insert.run(s.t, s.device ?? 1, s.intensity, s.steps, s.kind, s.hr);
    }
  }
  if (!content.without?.includes("BATTERY_LEVEL")) {
    const insert = db.prepare(`INSERT INTO BATTERY_LEVEL VALUES (?, ?, ?, ?)`);
    for (const b of content.battery ?? []) {
      insert.run(b.t, b.device ?? 1, b.level, b.index ?? 0);
    }
  }
  if (!content.without?.includes("BASE_ACTIVITY_SUMMARY")) {
    const insert = db.prepare(
      `INSERT INTO BASE_ACTIVITY_SUMMARY (START_TIME, END_TIME, ACTIVITY_KIND, DEVICE_ID, USER_ID) VALUES (?, ?, ?, ?, 1)`,
    );
    for (const w of content.workouts ?? []) {
      insert.run(w.start, w.end, w.kind, w.device ?? 1);
    }
  }
  db.exec("COMMIT");
  db.close();
  return { path, bytes: Deno.readFileSync(path) };
}

/** Whole minutes from `startSeconds`, with varying bytes, as sample rows. */
export function makeMinutes(startSeconds: number, count: number): SampleRow[] {
  return Array.from({ length: count }, (_, i) => ({
    t: startSeconds + i * 60,
    kind: [0x01, 0x11, 0x70, 0x7a][i % 4],
    intensity: (i * 7) % 256,
    steps: i % 5 === 0 ? 0 : (i * 3) % 200,
    hr: i % 3 === 0 ? 255 : 60 + (i % 40),
  }));
}
