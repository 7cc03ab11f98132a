// Daily periods inside general configuration commands on 0x0003 (§22):
//   [0] SH  [1] SM  [2] EH  [3] EM   start and end hour and minute
//   00 00 00 00 = on all day (lift wrist, disconnect reminder); off sends zeros too
// Lift wrist and disconnect reminder carry them at byte 4, DND and night mode at byte 2.

import { checkTimeOfDay, isTimeOfDay, type TimeOfDay } from "./alarms.ts";
import type { ConfigParseFailure } from "./config_frame.ts";

/** A daily period between two times of day. */
export type TimedPeriod = {
  mode: "scheduled";
  start: TimeOfDay;
  end: TimeOfDay;
};

/** A daily period that is off, always on, or on between two times. */
export type Schedule = { mode: "off" } | { mode: "on" } | TimedPeriod;

// "On all day" is the scheduled form with 00:00–00:00 (MB4W, current GB), so a schedule
// must have start ≠ end to stay distinguishable from it.
/** Encodes `SH SM EH EM` for a scheduled period, else four zeros. */
export function encodeScheduleBytes(
  schedule: { mode: string; start?: TimeOfDay; end?: TimeOfDay },
  what: string,
): number[] {
  if (schedule.mode !== "scheduled") return [0, 0, 0, 0];
  const { start, end } = schedule as { start: TimeOfDay; end: TimeOfDay };
  checkTimeOfDay(start, `${what} start`);
  checkTimeOfDay(end, `${what} end`);
  if (start.hour === end.hour && start.minute === end.minute) {
    throw new RangeError(
      `Cannot encode ${what}: start and end are the same time`,
    );
  }
  return [start.hour, start.minute, end.hour, end.minute];
}

/** Reads the schedule at byte 4 of an endpoint command, where all zeros means on all day. */
export function readSchedule(
  bytes: Uint8Array,
  fail: ConfigParseFailure,
): Schedule {
  if (bytes.subarray(4, 8).every((b) => b === 0)) return { mode: "on" };
  return { mode: "scheduled", ...readTimes(bytes, 4, fail) };
}

/** Reads `SH SM EH EM` at an offset, failing unless both are times of day. */
export function readTimes(
  bytes: Uint8Array,
  offset: number,
  fail: ConfigParseFailure,
): { start: TimeOfDay; end: TimeOfDay } {
  const [sh, sm, eh, em] = bytes.subarray(offset, offset + 4);
  if (!isTimeOfDay(sh, sm) || !isTimeOfDay(eh, em)) {
    fail("schedule bytes are not times of day");
  }
  return { start: { hour: sh, minute: sm }, end: { hour: eh, minute: em } };
}
