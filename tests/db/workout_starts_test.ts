import assert from "node:assert/strict";
import { readingKey } from "../../lib/db/keys.ts";
import { storeReadings } from "../../lib/db/readings.ts";
import {
  addWorkoutStarts,
  countWorkoutStarts,
  rebuildWorkoutStarts,
} from "../../lib/db/workout_starts.ts";

const HOUR = 3_600_000;
const NEW_YEAR = Date.UTC(2025, 0, 1);

function workout(time: number) {
  return { time, end: time + HOUR, type: 1, steps: 100 };
}

Deno.test("storeReadings() keeps the workout start index that countWorkoutStarts() reads", async () => {
  using kv = await Deno.openKv(":memory:");
  const times = [-3, -1, 0, 2, 5].map((h) => NEW_YEAR + h * HOUR);
  // Two concurrent uploads, one repeating a workout, across New Year.
  await Promise.all([
    storeReadings(kv, "workouts", "b", times.slice(0, 3).map(workout)),
    storeReadings(kv, "workouts", "b", times.slice(2).map(workout)),
  ]);
  const count = (from: number, to: number) =>
    countWorkoutStarts(kv, "b", {
      start: NEW_YEAR + from * HOUR,
      end: NEW_YEAR + to * HOUR,
    });
  assert.equal(await count(-24, 24), 5);
  assert.equal(await count(-1, 2), 2);
  assert.equal(await count(0, 1), 1);
  assert.equal(await count(6, 48), 0);
});

Deno.test("rebuildWorkoutStarts() indexes workouts stored without an index", async () => {
  using kv = await Deno.openKv(":memory:");
  for (const h of [1, 30, 9000]) {
    await kv.set(readingKey("workouts", "b", NEW_YEAR + h * HOUR), {});
  }
  assert.equal(
    await countWorkoutStarts(kv, "b", {
      start: NEW_YEAR,
      end: NEW_YEAR + 400 * 24 * HOUR,
    }),
    0,
  );
  await rebuildWorkoutStarts(kv, "b");
  assert.equal(
    await countWorkoutStarts(kv, "b", {
      start: NEW_YEAR,
      end: NEW_YEAR + 400 * 24 * HOUR,
    }),
    3,
  );
});

Deno.test("addWorkoutStarts() never indexes a start twice, even when its record was read as new", async () => {
  using kv = await Deno.openKv(":memory:");
  const first = kv.atomic();
  await addWorkoutStarts(kv, first, "b", [NEW_YEAR, NEW_YEAR + HOUR]);
  assert.ok((await first.commit()).ok);
  // A second upload that read the record of NEW_YEAR before the first landed.
  const second = kv.atomic();
  await addWorkoutStarts(kv, second, "b", [NEW_YEAR, NEW_YEAR + 2 * HOUR]);
  assert.ok((await second.commit()).ok);
  assert.equal(
    await countWorkoutStarts(kv, "b", {
      start: NEW_YEAR - HOUR,
      end: NEW_YEAR + 3 * HOUR,
    }),
    3,
  );
});
