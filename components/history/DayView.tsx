import type { DayViewData } from "../../lib/history/view_types.ts";
import { ActivityStrip } from "../charts/ActivityStrip.tsx";
import { HeartRateLine } from "../charts/HeartRateLine.tsx";
import { StepsBars } from "../charts/StepsBars.tsx";
import { toWorkoutSpan } from "../charts/WorkoutBands.tsx";
import { labelWorkoutType } from "../../lib/history/workout_label.ts";
import { DayTotals } from "./DayTotals.tsx";
import { useFormats } from "../formats.ts";
import { SleepList } from "./SleepList.tsx";
import { WorkoutList } from "./WorkoutList.tsx";

/** The day view: totals against the goal, then steps, heart rate, activity, workouts and sleep. */
export function DayView(
  props: { data: DayViewData; stepGoal: number | null; now?: number },
) {
  const { data } = props;
  const f = useFormats(data.timeZone);
  const start = data.minutes.start;
  const spans = data.workouts.map((w) =>
    toWorkoutSpan(
      w,
      start,
      `${labelWorkoutType(w.type)} ${f.clock(w.time)}–${f.clock(w.end)}`,
    )
  );
  const measurements = data.measurements.map((m) => ({
    slot: Math.floor((m.time - start) / 60_000),
    bpm: m.bpm,
  }));
  return (
    <>
      {data.summary
        ? (
          <DayTotals
            summary={data.summary}
            stepGoal={props.stepGoal}
            sleep={data.sleep}
          />
        )
        : null}
      <div class="history-charts">
        <section class="card history-card">
          <StepsBars
            id="day-steps"
            start={data.minutes.start}
            steps={data.minutes.steps}
            timeZone={data.timeZone}
            workouts={spans}
            now={props.now}
          />
        </section>
        <section class="card history-card">
          <HeartRateLine
            id="day-heart-rate"
            start={data.minutes.start}
            heartRate={data.minutes.heartRate}
            timeZone={data.timeZone}
            measurements={measurements}
          />
        </section>
        <section class="card history-card">
          <ActivityStrip
            id="day-activity"
            start={data.minutes.start}
            classes={data.minutes.classes}
            timeZone={data.timeZone}
            now={props.now}
          />
        </section>
        <section class="card history-card" id="day-workouts">
          <h3>Workouts</h3>
          <WorkoutList workouts={data.workouts} timeZone={data.timeZone} />
        </section>
        <section class="card history-card">
          <h3>Sleep ending this day</h3>
          <SleepList sessions={data.sleep} timeZone={data.timeZone} />
        </section>
      </div>
    </>
  );
}
