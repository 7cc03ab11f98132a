import assert from "node:assert/strict";
import type { WorkoutSummary } from "../../lib/protocol/workouts.ts";
import { CHARACTERISTIC } from "../../lib/protocol/constants.ts";
import type { SimWorkout } from "../../lib/sim/sim_workout.ts";
import { connectSim, NOW } from "./sim_setup.ts";

const HOUR = 3_600_000;

function workout(hoursAgo: number, type: number, steps: number): SimWorkout {
  const start = NOW - hoursAgo * HOUR;
  return {
    type,
    start,
    end: start + 1800_000,
    steps,
    distanceMeters: 4000 + steps,
    calories: 250,
    averageHeartRate: 131,
    maxHeartRate: 168,
  };
}

const WORKOUTS = [workout(50, 1, 5200), workout(26, 3, 3100), workout(3, 4, 0)];

Deno.test("fetchWorkouts() fetches one summary per round and acknowledges each after persist", async () => {
  const { band } = await connectSim({ workouts: WORKOUTS });
  const stored: WorkoutSummary[] = [];
  const result = await band.fetchWorkouts({
    since: NOW - 100 * HOUR,
    tzQuarterHours: 0,
    persist: (s) => {
      stored.push(s);
      return Promise.resolve();
    },
  });
  assert.equal(result.workouts, 3);
  assert.deepEqual(
    stored.map((
      s,
    ) => [s.typeCode, s.start, s.end, s.steps, s.averageHeartRate]),
    [
      [1, WORKOUTS[0].start, WORKOUTS[0].end, 5200, 131],
      [3, WORKOUTS[1].start, WORKOUTS[1].end, 3100, 131],
      [4, WORKOUTS[2].start, WORKOUTS[2].end, 0, 131],
    ],
  );
  assert.equal(result.nextSince, WORKOUTS[2].start + 60_000);
  band.disconnect();
});

Deno.test("fetchWorkouts() resumes after the last stored workout", async () => {
  const { band } = await connectSim({ workouts: WORKOUTS });
  const stored: number[] = [];
  await band.fetchWorkouts({
    since: WORKOUTS[0].start + 60_000,
    tzQuarterHours: 0,
    persist: (s) => {
      stored.push(s.start);
      return Promise.resolve();
    },
  });
  assert.deepEqual(stored, [WORKOUTS[1].start, WORKOUTS[2].start]);
  band.disconnect();
});

Deno.test("fetchWorkouts() rejects a summary with a lost packet instead of storing a short one", async () => {
  const { band, link } = await connectSim({ workouts: WORKOUTS });
  link.faults.loseNotification({
    characteristic: CHARACTERISTIC.fetchData,
    index: 1,
  });
  const stored: unknown[] = [];
  await assert.rejects(
    band.fetchWorkouts({
      since: NOW - 100 * HOUR,
      tzQuarterHours: 0,
      persist: (s) => {
        stored.push(s);
        return Promise.resolve();
      },
    }),
    {
      code: "protocol",
      message: "Cannot fetch workouts: packet sequence 2 arrived, expected 1",
    },
  );
  assert.deepEqual(stored, []);
  band.disconnect();
});
