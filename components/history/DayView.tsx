import type { DayViewData } from "../../lib/history/day_view_data.ts";
import { ActivityStrip } from "../charts/ActivityStrip.tsx";
import { HeartRateLine } from "../charts/HeartRateLine.tsx";
import { StepsBars } from "../charts/StepsBars.tsx";
import { DayTotals } from "./DayTotals.tsx";
import { SleepList } from "./SleepList.tsx";

/** The day view: totals against the goal, then steps, heart rate, activity and sleep. */
export function DayView(
  props: { data: DayViewData; stepGoal: number | null },
) {
  const { data } = props;
  return (
    <>
      {data.summary
        ? (
          <DayTotals
            summary={data.summary}
            activeMinutes={data.activeMinutes}
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
          />
        </section>
        <section class="card history-card">
          <HeartRateLine
            id="day-heart-rate"
            start={data.minutes.start}
            heartRate={data.minutes.heartRate}
            timeZone={data.timeZone}
          />
        </section>
        <section class="card history-card">
          <ActivityStrip
            id="day-activity"
            start={data.minutes.start}
            classes={data.minutes.classes}
            timeZone={data.timeZone}
          />
        </section>
        <section class="card history-card">
          <h3>Sleep ending this day</h3>
          <SleepList sessions={data.sleep} timeZone={data.timeZone} />
        </section>
      </div>
    </>
  );
}
