// The parts of Gadgetbridge's database (greenDAO, schema version 86) that Band
// Web reads and writes, as facts read from Gadgetbridge's GBDaoGenerator:
// table and column names, their types and their primary keys. Newer versions
// only add tables and columns, so an import reads these columns by name from
// any version that has the tables.

/**
 * The schema version an export states in `PRAGMA user_version`: 86, the
 * newest version whose GBDaoGenerator we checked column by column. Gadgetbridge
 * upgrades an older database on import (its update scripts run from the file's
 * version up, and tables it lacks are created), so stating an older, verified
 * version is safer than claiming a newer one with columns we have not seen.
 */
export const GADGETBRIDGE_SCHEMA_VERSION = 86;

/** Gadgetbridge's DeviceType key of the Mi Band 4 (the deprecated integer `TYPE`). */
export const MI_BAND_4_TYPE = 16;

/** Gadgetbridge's DeviceType enum name of the Mi Band 4 (`TYPE_NAME`). */
export const MI_BAND_4_TYPE_NAME = "MIBAND4";

/** Huami device types whose samples live in MI_BAND_ACTIVITY_SAMPLE, by Gadgetbridge's integer key, for the preview. */
export const HUAMI_TYPE_NAMES: Readonly<Record<number, string>> = {
  10: "MIBAND",
  11: "MIBAND2",
  12: "AMAZFITBIP",
  13: "AMAZFITCOR",
  14: "MIBAND3",
  15: "AMAZFITCOR2",
  16: "MIBAND4",
  17: "AMAZFITBIP_LITE",
  18: "AMAZFITGTR",
};

/** Tables an import needs: without them a file is not a usable Gadgetbridge database. */
export const REQUIRED_TABLES = ["DEVICE", "MI_BAND_ACTIVITY_SAMPLE"] as const;

/** Tables an import reads when present (older versions lack them). */
export const OPTIONAL_TABLES = [
  "BATTERY_LEVEL",
  "BASE_ACTIVITY_SUMMARY",
] as const;

/** The statements that create an export's tables, in Gadgetbridge's exact DDL at version 86. */
export const CREATE_TABLES: readonly string[] = [
  `CREATE TABLE "android_metadata" (locale TEXT)`,
  `CREATE TABLE "DEVICE" ("_id" INTEGER PRIMARY KEY ,"NAME" TEXT NOT NULL ,` +
  `"MANUFACTURER" TEXT NOT NULL ,"IDENTIFIER" TEXT NOT NULL UNIQUE ,` +
  `"TYPE" INTEGER NOT NULL ,"TYPE_NAME" TEXT NOT NULL ,"MODEL" TEXT,` +
  `"ALIAS" TEXT,"PARENT_FOLDER" TEXT)`,
  `CREATE TABLE "USER" ("_id" INTEGER PRIMARY KEY ,"NAME" TEXT NOT NULL ,` +
  `"BIRTHDAY" INTEGER NOT NULL ,"GENDER" INTEGER NOT NULL )`,
  `CREATE TABLE "MI_BAND_ACTIVITY_SAMPLE" ("TIMESTAMP" INTEGER NOT NULL ,` +
  `"DEVICE_ID" INTEGER NOT NULL ,"USER_ID" INTEGER NOT NULL ,` +
  `"RAW_INTENSITY" INTEGER NOT NULL ,"STEPS" INTEGER NOT NULL ,` +
  `"RAW_KIND" INTEGER NOT NULL ,"HEART_RATE" INTEGER NOT NULL ,` +
  `PRIMARY KEY ("TIMESTAMP" ,"DEVICE_ID" ) ON CONFLICT REPLACE) WITHOUT ROWID`,
  `CREATE TABLE "BATTERY_LEVEL" ("TIMESTAMP" INTEGER NOT NULL ,` +
  `"DEVICE_ID" INTEGER NOT NULL ,"LEVEL" INTEGER NOT NULL ,` +
  `"BATTERY_INDEX" INTEGER NOT NULL ,` +
  `PRIMARY KEY ("TIMESTAMP" ,"DEVICE_ID" ,"BATTERY_INDEX" ) ON CONFLICT REPLACE) WITHOUT ROWID`,
  `CREATE TABLE "BASE_ACTIVITY_SUMMARY" ("_id" INTEGER PRIMARY KEY ,"NAME" TEXT,` +
  `"START_TIME" INTEGER NOT NULL ,"END_TIME" INTEGER NOT NULL ,` +
  `"ACTIVITY_KIND" INTEGER NOT NULL ,"BASE_LONGITUDE" INTEGER,` +
  `"BASE_LATITUDE" INTEGER,"BASE_ALTITUDE" INTEGER,"GPX_TRACK" TEXT,` +
  `"RAW_DETAILS_PATH" TEXT,"DEVICE_ID" INTEGER NOT NULL ,` +
  `"USER_ID" INTEGER NOT NULL ,"SUMMARY_DATA" TEXT,"RAW_SUMMARY_DATA" BLOB)`,
];

// Gadgetbridge's ActivityKind codes (model/ActivityKind.java, the bit values
// kept since the summaries were added) and the band's workout type codes
// (lib/protocol/workouts.ts) they stand for. Only pairs that mean the same
// sport are listed; anything else is Gadgetbridge's "unknown" (0).
const KIND_PAIRS: readonly [gadgetbridge: number, band: number][] = [
  [0x10, 1], // running / outdoor running
  [0x100, 2], // treadmill
  [0x20, 3], // walking
  [0x80, 4], // cycling
  [0x200, 5], // exercise
  [0x40, 6], // swimming / pool swimming
  [0x400, 7], // open-water swimming
  [0x800, 8], // indoor cycling
  [0x1000, 9], // elliptical trainer
  [0x2000, 0x15], // jump roping
  [0x4000, 0x3c], // yoga
];

/** Gadgetbridge's ActivityKind code for "unknown". */
export const UNKNOWN_ACTIVITY_KIND = 0;

/** The band's workout type for a Gadgetbridge ActivityKind, or null when it has none. */
export function toBandWorkoutType(activityKind: number): number | null {
  return KIND_PAIRS.find(([gb]) => gb === activityKind)?.[1] ?? null;
}

/** Gadgetbridge's ActivityKind for a band workout type, or its "unknown" (0). */
export function toActivityKind(bandType: number): number {
  return KIND_PAIRS.find(([, band]) => band === bandType)?.[0] ??
    UNKNOWN_ACTIVITY_KIND;
}
