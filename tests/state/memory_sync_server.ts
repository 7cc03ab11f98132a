// A SyncServer in memory that keeps minutes and workouts by time, as KV does, and
// fails chosen uploads, so tests can watch what was stored and what was not.
import assert from "node:assert/strict";
import type { ActivityBatch } from "../../lib/protocol/activity_sample.ts";
import type { SyncServer } from "../../lib/state/sync_runner.ts";
import type { WorkoutReading } from "../../lib/state/workout_sync.ts";

const MINUTE = 60_000;

/** Options: which upload (1-based) of minutes or workouts fails. */
export interface MemoryServerOptions {
  failUploadAt?: number;
  /** Take a minute again when it is the same, as the real server does ("unchanged"); by default a second upload fails the test. */
  sameAgainIsUnchanged?: boolean;
  failWorkoutUploadAt?: number;
  workouts?: WorkoutReading[];
}

/** Builds the in-memory server and handles to what it stored. */
export function createMemoryServer(options: MemoryServerOptions = {}) {
  const minutes = new Map<number, string>();
  const workouts = new Map<number, WorkoutReading>(
    (options.workouts ?? []).map((w) => [w.time, w]),
  );
  const calls: string[] = [];
  let cursor: number | null = null;
  let uploads = 0;
  let unchanged = 0;
  let workoutUploads = 0;
  const server: SyncServer = {
    getCursor: () => Promise.resolve(cursor),
    uploadBatch(batch: ActivityBatch) {
      uploads++;
      if (uploads === options.failUploadAt) {
        return Promise.reject(
          new Error("Cannot store samples: server is down"),
        );
      }
      batch.samples.forEach((s, i) => {
        const t = batch.start + i * MINUTE;
        const value = `${s.kind}/${s.intensity}/${s.steps}/${s.heartRate}`;
        if (options.sameAgainIsUnchanged && minutes.has(t)) {
          assert.equal(minutes.get(t), value, `minute ${t} changed`);
          unchanged++;
          return;
        }
        assert.equal(minutes.has(t), false, `minute ${t} uploaded twice`);
        minutes.set(t, value);
      });
      cursor = Math.max(
        cursor ?? -Infinity,
        batch.start + batch.samples.length * MINUTE,
      );
      return Promise.resolve();
    },
    getLatestWorkout() {
      const times = [...workouts.keys()];
      return Promise.resolve(times.length === 0 ? null : Math.max(...times));
    },
    uploadWorkouts(list) {
      workoutUploads++;
      calls.push(`workouts ${list.map((w) => w.time).join(",")}`);
      if (workoutUploads === options.failWorkoutUploadAt) {
        return Promise.reject(
          new Error("Cannot store readings: server is down"),
        );
      }
      for (const w of list) {
        assert.equal(workouts.has(w.time), false, `workout ${w.time} twice`);
        workouts.set(w.time, w);
      }
      return Promise.resolve();
    },
    recordBattery: (r) => {
      calls.push(`battery ${r.level} ${r.charging}`);
      return Promise.resolve();
    },
    recordDeviceInfo: (i) => {
      calls.push(`info ${i.firmwareRevision} ${i.hardwareRevision}`);
      return Promise.resolve();
    },
    recordBandTime: (r) => {
      calls.push(`time ${r.bandTime - r.time} ${r.tzQuarterHours}`);
      return Promise.resolve();
    },
  };
  return {
    server,
    minutes,
    workouts,
    calls,
    cursor: () => cursor,
    /** Minutes uploaded again unchanged (with `sameAgainIsUnchanged`). */
    unchanged: () => unchanged,
  };
}
