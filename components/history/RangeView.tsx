import type { RangeViewData } from "../../lib/history/view_types.ts";
import { DailyBars } from "../charts/DailyBars.tsx";
import { RestingHeartRateLine } from "../charts/RestingHeartRateLine.tsx";
import { SleepBars } from "../charts/SleepBars.tsx";
import { formatDuration, formatNumber } from "./format.ts";
import { StatTile } from "./StatTile.tsx";

/** Props for {@link RangeView}. */
export interface RangeViewProps {
  /** Daily series for the period. */
  data: RangeViewData;
  /** Step goal, or null when never set. */
  stepGoal: number | null;
  /** Today in the person's time zone; later days are not shown as missing. */
  today: string;
}

function average(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v !== null) {
      sum += v;
      count++;
    }
  }
  return count ? sum / count : null;
}

/** The week, month and year views: averages, then one chart per daily series. */
export function RangeView({ data, stepGoal, today }: RangeViewProps) {
  const sleep = data.days.map((_, i) =>
    data.lightSleepMinutes[i] === null && data.deepSleepMinutes[i] === null
      ? null
      : (data.lightSleepMinutes[i] ?? 0) + (data.deepSleepMinutes[i] ?? 0)
  );
  const stepDays = data.steps.filter((v) => v !== null).length;
  const met = stepGoal === null
    ? null
    : data.steps.filter((v) => v !== null && v >= stepGoal).length;
  const steps = average(data.steps);
  const active = average(data.activeMinutes);
  const asleep = average(sleep);
  const resting = average(data.restingHeartRate);
  const goal = stepGoal ?? undefined;
  return (
    <>
      <section class="history-totals" aria-label="Averages for the period">
        <StatTile
          label="Steps a day"
          value={steps === null ? "–" : formatNumber(steps)}
          detail={met === null
            ? `${stepDays} days with data`
            : `goal met on ${met} of ${stepDays} days`}
        />
        <StatTile
          label="Active a day"
          value={active === null ? "–" : formatDuration(active)}
        />
        <StatTile
          label="Sleep a night"
          value={asleep === null ? "–" : formatDuration(asleep)}
          detail={`${sleep.filter((v) => v !== null).length} nights`}
        />
        <StatTile
          label="Resting heart rate"
          value={resting === null ? "–" : `${Math.round(resting)} bpm`}
          detail="average"
        />
        <StatTile
          label="Workouts"
          value={formatNumber(data.workoutCount)}
          detail={`in ${data.days.length} days`}
        />
      </section>
      <div class="history-charts">
        <section class="card history-card">
          <DailyBars
            id="range-steps"
            title="Daily steps"
            unit="steps"
            days={data.days}
            values={data.steps}
            goal={goal}
            lastDay={today}
          />
        </section>
        <section class="card history-card">
          <SleepBars
            id="range-sleep"
            days={data.days}
            lightMinutes={data.lightSleepMinutes}
            deepMinutes={data.deepSleepMinutes}
          />
        </section>
        <section class="card history-card">
          <DailyBars
            id="range-active"
            title="Active minutes"
            unit="min"
            days={data.days}
            values={data.activeMinutes}
            series="active"
            lastDay={today}
          />
        </section>
        <section class="card history-card">
          <RestingHeartRateLine
            id="range-resting"
            days={data.days}
            values={data.restingHeartRate}
          />
        </section>
        <section class="card history-card">
          <DailyBars
            id="range-worn"
            title="Minutes worn"
            unit="min"
            days={data.days}
            values={data.wornMinutes}
            series="worn"
            lastDay={today}
          />
        </section>
      </div>
    </>
  );
}
