// Workout (sports) summary, fetched as data type 05 (§12); all LE:
//   [0..1] format version  [2..3] activity type  [4..7] start Unix s  [8..11] end Unix s
//   [12..15] base longitude i32  [16..19] base latitude i32  [20..23] base altitude i32
//   version < 512, from 24: f32 distance, ascent, descent, min alt, max alt; 4 × i32 lat/lon
//     bounds; i32 steps @60, i32 active s @64, f32 kcal @68, ... i16 avg HR @120, i16 avg
//     pace s/km @122, i16 avg stride cm @124 (126 bytes)
//   version ≥ 512, from b = 24 (b = 28 for 516, 4 unknown bytes first): i32 steps @b,
//     i32 active s @b+4, 4 × i32 bounds, f32 kcal @b+24, f32 distance @b+28, ascent @b+32,
//     descent @b+36, ... i16 avg HR @b+108, avg pace @b+110, avg stride @b+112, max HR @b+114
//   version 519: the block ends at 0x8c, then one skipped byte and i16 min HR at 0x8d.
// Which version the Mi Band 4 sends is [UNCONFIRMED]; the 516 skip and the 519 min HR
// follow the spec's reading of Gadgetbridge and are isolated in layoutFor().

import { encodeUnixTime, parseUnixTime } from "./date_time.ts";

/** Activity types of summaries (Gadgetbridge's HuamiSportsActivityType). */
export const WORKOUT_TYPES = {
  outdoorRunning: 1,
  treadmill: 2,
  walking: 3,
  cycling: 4,
  exercise: 5,
  poolSwimming: 6,
  openWaterSwimming: 7,
  indoorCycling: 8,
  elliptical: 9,
  climbing: 10,
  outdoorHiking: 15,
  soccer: 0x12,
  jumpRope: 0x15,
  rowingMachine: 0x17,
  strength: 0x34,
  yoga: 0x3c,
  cricket: 0x4e,
  basketball: 0x55,
  pingPong: 0x59,
  badminton: 0x5c,
} as const;

/** Named workout type, or "unknown". */
export type WorkoutType = keyof typeof WORKOUT_TYPES | "unknown";

/** The figures of one workout summary. */
export interface WorkoutSummary {
  /** Summary format version. */
  version: number;
  /** Named activity type. */
  type: WorkoutType;
  /** Raw activity type code. */
  typeCode: number;
  /** Start, epoch ms. */
  start: number;
  /** End, epoch ms. */
  end: number;
  /** Base longitude, raw i32. */
  baseLongitude: number;
  /** Base latitude, raw i32. */
  baseLatitude: number;
  /** Base altitude, raw i32. */
  baseAltitude: number;
  /** Steps. */
  steps: number;
  /** Active time in seconds. */
  activeSeconds: number;
  /** Calories in kcal. */
  calories: number;
  /** Distance in metres. */
  distanceMeters: number;
  /** Ascent in metres. */
  ascentMeters: number;
  /** Descent in metres. */
  descentMeters: number;
  /** Average heart rate, bpm. */
  averageHeartRate: number;
  /** Maximum heart rate, bpm; null in the pre-512 layout. */
  maxHeartRate: number | null;
  /** Minimum heart rate, bpm; only version 519 carries it. */
  minHeartRate: number | null;
  /** Average pace in seconds per km. */
  averagePaceSecondsPerKm: number;
  /** Average stride in cm. */
  averageStrideCm: number;
}

interface Layout {
  length: number;
  steps: number;
  active: number;
  calories: number;
  distance: number;
  ascent: number;
  descent: number;
  avgHr: number;
  maxHr: number | null;
  minHr: number | null;
}

/** Decodes a workout summary blob. */
export function parseWorkoutSummary(bytes: Uint8Array): WorkoutSummary {
  if (bytes.length < 24) {
    throw new RangeError(
      `Cannot parse workout summary: expected at least 24 bytes, got ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(0, true);
  const layout = layoutFor(version);
  if (bytes.length < layout.length) {
    throw new RangeError(
      `Cannot parse workout summary: version ${version} needs ${layout.length} bytes, got ${bytes.length}`,
    );
  }
  const typeCode = view.getUint16(2, true);
  const entry = Object.entries(WORKOUT_TYPES).find(([, code]) =>
    code === typeCode
  );
  return {
    version,
    type: entry === undefined ? "unknown" : entry[0] as WorkoutType,
    typeCode,
    start: parseUnixTime(bytes.subarray(4, 8)),
    end: parseUnixTime(bytes.subarray(8, 12)),
    baseLongitude: view.getInt32(12, true),
    baseLatitude: view.getInt32(16, true),
    baseAltitude: view.getInt32(20, true),
    steps: view.getInt32(layout.steps, true),
    activeSeconds: view.getInt32(layout.active, true),
    calories: view.getFloat32(layout.calories, true),
    distanceMeters: view.getFloat32(layout.distance, true),
    ascentMeters: view.getFloat32(layout.ascent, true),
    descentMeters: view.getFloat32(layout.descent, true),
    averageHeartRate: view.getInt16(layout.avgHr, true),
    maxHeartRate: layout.maxHr === null
      ? null
      : view.getInt16(layout.maxHr, true),
    minHeartRate: layout.minHr === null
      ? null
      : view.getInt16(layout.minHr, true),
    averagePaceSecondsPerKm: view.getInt16(layout.avgHr + 2, true),
    averageStrideCm: view.getInt16(layout.avgHr + 4, true),
  };
}

/** Encodes a summary in the layout its version selects, unknown fields zero (simulator side). */
export function encodeWorkoutSummary(
  summary: Omit<WorkoutSummary, "type">,
): Uint8Array {
  const layout = layoutFor(summary.version);
  const out = new Uint8Array(layout.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, summary.version, true);
  view.setUint16(2, summary.typeCode, true);
  out.set(encodeUnixTime(summary.start), 4);
  out.set(encodeUnixTime(summary.end), 8);
  view.setInt32(12, summary.baseLongitude, true);
  view.setInt32(16, summary.baseLatitude, true);
  view.setInt32(20, summary.baseAltitude, true);
  view.setInt32(layout.steps, summary.steps, true);
  view.setInt32(layout.active, summary.activeSeconds, true);
  view.setFloat32(layout.calories, summary.calories, true);
  view.setFloat32(layout.distance, summary.distanceMeters, true);
  view.setFloat32(layout.ascent, summary.ascentMeters, true);
  view.setFloat32(layout.descent, summary.descentMeters, true);
  view.setInt16(layout.avgHr, summary.averageHeartRate, true);
  view.setInt16(layout.avgHr + 2, summary.averagePaceSecondsPerKm, true);
  view.setInt16(layout.avgHr + 4, summary.averageStrideCm, true);
  if (layout.maxHr !== null) {
    view.setInt16(layout.maxHr, summary.maxHeartRate ?? 0, true);
  }
  if (layout.minHr !== null) {
    view.setInt16(layout.minHr, summary.minHeartRate ?? 0, true);
  }
  return out;
}

function layoutFor(version: number): Layout {
  if (version < 512) {
    return {
      length: 126,
      steps: 60,
      active: 64,
      calories: 68,
      distance: 24,
      ascent: 28,
      descent: 32,
      avgHr: 120,
      maxHr: null,
      minHr: null,
    };
  }
  const b = version === 516 ? 28 : 24;
  const minHr = version === 519 ? b + 117 : null;
  return {
    length: minHr === null ? b + 116 : minHr + 2,
    steps: b,
    active: b + 4,
    calories: b + 24,
    distance: b + 28,
    ascent: b + 32,
    descent: b + 36,
    avgHr: b + 108,
    maxHr: b + 114,
    minHr,
  };
}
