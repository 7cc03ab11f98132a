// A band's history written as a Gadgetbridge database (schema version 86, see
// schema.ts): one DEVICE (the band, as a Mi Band 4), one USER, a
// MI_BAND_ACTIVITY_SAMPLE row per stored minute and per heart-rate reading,
// BATTERY_LEVEL and BASE_ACTIVITY_SUMMARY. Built in a temp file with
// node:sqlite, read day by day from KV so memory stays at one day's pack.
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { readingsPrefix, sampleDaysPrefix } from "../db/keys.ts";
import { visitPackedDay } from "../db/sample_day.ts";
import {
  CREATE_TABLES,
  GADGETBRIDGE_SCHEMA_VERSION,
  MI_BAND_4_TYPE,
  MI_BAND_4_TYPE_NAME,
  toActivityKind,
} from "./schema.ts";

const DEVICE_ID = 1;
const USER_ID = 1;
// Gadgetbridge's ActivityUser gender "other": Band Web does not ask.
const GENDER_OTHER = 2;

/** Rows per multi-row INSERT: one statement call per 200 minutes (1,000 bound values). */
const ROWS_PER_INSERT = 200;
const MINUTE_COLUMNS =
  `(TIMESTAMP, DEVICE_ID, USER_ID, RAW_INTENSITY, STEPS, RAW_KIND, HEART_RATE)`;

/**
 * Inserts minutes 200 rows a statement: a call into node:sqlite per row costs
 * more than SQLite's own work on it.
 */
class MinuteWriter {
  #many: StatementSync;
  #one: StatementSync;
  #values: number[] = [];
  #count = 0;

  constructor(db: DatabaseSync) {
    const row = `(?, ${DEVICE_ID}, ${USER_ID}, ?, ?, ?, ?)`;
    this.#many = db.prepare(
      `INSERT INTO MI_BAND_ACTIVITY_SAMPLE ${MINUTE_COLUMNS} VALUES ${
        Array(ROWS_PER_INSERT).fill(row).join(",")
      }`,
    );
    this.#one = db.prepare(
      `INSERT INTO MI_BAND_ACTIVITY_SAMPLE ${MINUTE_COLUMNS} VALUES ${row}`,
    );
  }

  /** Queues one minute: seconds, then the columns in MINUTE_COLUMNS' order after the ids. */
  add(
    seconds: number,
    intensity: number,
    steps: number,
    kind: number,
    heartRate: number,
  ): void {
    this.#values.push(seconds, intensity, steps, kind, heartRate);
    this.#count++;
    if (this.#values.length === ROWS_PER_INSERT * 5) {
      this.#many.run(...this.#values);
      this.#values = [];
    }
  }

  /** Writes what is queued; returns how many minutes were written. */
  finish(): number {
    for (let at = 0; at < this.#values.length; at += 5) {
      this.#one.run(...this.#values.slice(at, at + 5));
    }
    this.#values = [];
    return this.#count;
  }
}

/** The band and person an export describes. */
export interface ExportSubject {
  bandId: string;
  bandName: string;
  mac: string;
  /** The band's hardware revision, Gadgetbridge's optional MODEL. */
  model: string | null;
  userName: string;
}

/** How many rows an export wrote. */
export interface ExportCounts {
  minutes: number;
  heartRateReadings: number;
  batteryReadings: number;
  workouts: number;
}

/** Writes a band's history into a new Gadgetbridge database at `path`. */
export async function writeGadgetbridgeExport(
  kv: Deno.Kv,
  path: string,
  subject: ExportSubject,
): Promise<ExportCounts> {
  const db = new DatabaseSync(path);
  const counts: ExportCounts = {
    minutes: 0,
    heartRateReadings: 0,
    batteryReadings: 0,
    workouts: 0,
  };
  try {
    for (const ddl of CREATE_TABLES) db.exec(ddl);
    db.exec(`PRAGMA user_version = ${GADGETBRIDGE_SCHEMA_VERSION}`);
    db.exec("BEGIN");
    db.prepare(`INSERT INTO "android_metadata" VALUES ('en_US')`).run();
    db.prepare(
      `INSERT INTO DEVICE ("_id", NAME, MANUFACTURER, IDENTIFIER, TYPE, TYPE_NAME, MODEL, ALIAS, PARENT_FOLDER)
        VALUES (?, ?, 'Huami', ?, ?, ?, ?, NULL, NULL)`,
    ).run(
      DEVICE_ID,
      subject.bandName,
      subject.mac.toUpperCase(),
      MI_BAND_4_TYPE,
      MI_BAND_4_TYPE_NAME,
      subject.model,
    );
    // Band Web keeps no birthday: 0 stands for "unknown" in the NOT NULL column.
    db.prepare(`INSERT INTO USER VALUES (?, ?, 0, ?)`).run(
      USER_ID,
      subject.userName,
      GENDER_OTHER,
    );
    const minutes = new MinuteWriter(db);
    const all = { start: -Infinity, end: Infinity };
    for await (
      const entry of kv.list<Uint8Array>({
        prefix: sampleDaysPrefix(subject.bandId),
      })
    ) {
      visitPackedDay(
        entry.value,
        entry.key[2] as number,
        all,
        (time, kind, intensity, steps, heartRate) =>
          minutes.add(time / 1000, intensity, steps, kind, heartRate),
      );
    }
    counts.minutes = minutes.finish();
    // Realtime readings share the table, marked as Gadgetbridge marks them;
    // one never replaces a minute stored at the same second.
    const reading = db.prepare(
      `INSERT OR IGNORE INTO MI_BAND_ACTIVITY_SAMPLE (TIMESTAMP, DEVICE_ID, USER_ID, RAW_INTENSITY, STEPS, RAW_KIND, HEART_RATE)
        VALUES (?, ${DEVICE_ID}, ${USER_ID}, -1, 0, -1, ?)`,
    );
    for await (
      const entry of kv.list<{ time: number; bpm: number }>({
        prefix: readingsPrefix("heart_rate", subject.bandId),
      })
    ) {
      const changes = reading.run(
        Math.floor(entry.value.time / 1000),
        entry.value.bpm,
      ).changes;
      counts.heartRateReadings += Number(changes);
    }
    const battery = db.prepare(
      `INSERT INTO BATTERY_LEVEL (TIMESTAMP, DEVICE_ID, LEVEL, BATTERY_INDEX) VALUES (?, ${DEVICE_ID}, ?, 0)`,
    );
    for await (
      const entry of kv.list<{ time: number; level: number }>({
        prefix: readingsPrefix("battery", subject.bandId),
      })
    ) {
      battery.run(Math.floor(entry.value.time / 1000), entry.value.level);
      counts.batteryReadings++;
    }
    const workout = db.prepare(
      `INSERT INTO BASE_ACTIVITY_SUMMARY (START_TIME, END_TIME, ACTIVITY_KIND, DEVICE_ID, USER_ID)
        VALUES (?, ?, ?, ${DEVICE_ID}, ${USER_ID})`,
    );
    for await (
      const entry of kv.list<{ time: number; end: number; type: number }>({
        prefix: readingsPrefix("workouts", subject.bandId),
      })
    ) {
      workout.run(
        entry.value.time,
        entry.value.end,
        toActivityKind(entry.value.type),
      );
      counts.workouts++;
    }
    db.exec("COMMIT");
    return counts;
  } finally {
    db.close();
  }
}

/**
 * Streams a temp file and deletes it once the stream ends or is cancelled, so
 * a download that stops halfway leaves nothing behind.
 */
export async function streamTempFile(
  path: string,
): Promise<{ body: ReadableStream<Uint8Array>; size: number }> {
  const file = await Deno.open(path, { read: true });
  const { size } = await file.stat();
  let done = false;
  const finish = async () => {
    if (done) return;
    done = true;
    try {
      file.close();
    } catch { /* already closed */ }
    await Deno.remove(path).catch(() => {});
  };
  const buffer = new Uint8Array(64 * 1024);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const n = await file.read(buffer);
        if (n === null) {
          await finish();
          controller.close();
        } else controller.enqueue(buffer.slice(0, n));
      } catch (error) {
        await finish();
        controller.error(error);
      }
    },
    cancel: finish,
  });
  return { body, size };
}
