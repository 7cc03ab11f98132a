import type { DaySummary } from "../../lib/api/sample_schemas.ts";
import type { SleepSession } from "../../lib/api/sample_schemas.ts";
import { useFormats } from "../formats.ts";
import { StatTile } from "./StatTile.tsx";

/** Props for {@link DayTotals}. */
export interface DayTotalsProps {
  /** The day's stored figures. */
  summary: DaySummary;
  /** Step goal, or null when never set. */
  stepGoal: number | null;
  /** Sleep sessions ending that day. */
  sleep: readonly SleepSession[];
}

/** The day's totals against the goal: steps, active and worn time, sleep, resting heart rate. */
export function DayTotals(
  { summary, stepGoal, sleep }: DayTotalsProps,
) {
  const f = useFormats("UTC");
  const asleep = sleep.reduce((sum, s) => sum + s.asleepMinutes, 0);
  const percent = stepGoal
    ? Math.round((summary.steps / stepGoal) * 100)
    : null;
  return (
    <section
      class="history-totals"
      aria-label="Totals for the day"
      data-day={summary.day}
      data-steps={summary.steps}
      data-active-minutes={summary.activeMinutes}
      data-worn-minutes={summary.wornMinutes}
      data-sleep-minutes={asleep}
      data-resting-heart-rate={summary.restingHeartRate ?? ""}
    >
      <StatTile
        label="Steps"
        value={f.number(summary.steps)}
        detail={stepGoal
          ? (
            <>
              <progress
                max={stepGoal}
                value={Math.min(summary.steps, stepGoal)}
                aria-label="Steps against the goal"
              />
              {`${percent}% of the ${f.number(stepGoal)} goal`}
              {summary.steps >= stepGoal ? " ✓" : ""}
            </>
          )
          : "No step goal set on the band"}
      />
      <StatTile
        label="Active"
        value={f.duration(summary.activeMinutes)}
        detail="minutes with steps, runs or rides"
      />
      <StatTile
        label="Sleep"
        value={sleep.length ? f.duration(asleep) : "–"}
        detail={sleep.length
          ? `${sleep.length} session${
            sleep.length === 1 ? "" : "s"
          } ending today`
          : "no sleep ending today"}
      />
      <StatTile
        label="Resting heart rate"
        value={summary.restingHeartRate === null
          ? "–"
          : `${summary.restingHeartRate} bpm`}
        detail={summary.heartRate
          ? `range ${summary.heartRate.min}–${summary.heartRate.max} bpm`
          : "no readings"}
      />
      <StatTile
        label="Worn"
        value={f.duration(summary.wornMinutes)}
        detail={`of ${f.duration(summary.minutesRecorded)} recorded`}
      />
    </section>
  );
}
