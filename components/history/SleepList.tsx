import type { SleepSession } from "../../lib/api/sample_schemas.ts";
import { formatClock, formatDuration } from "./format.ts";

/** The sleep sessions ending on a day: bedtime, wake time, light and deep, awakenings. */
export function SleepList(
  props: { sessions: readonly SleepSession[]; timeZone: string },
) {
  if (props.sessions.length === 0) {
    return <p class="history-muted">No sleep ended on this day.</p>;
  }
  return (
    <ul class="sleep-list">
      {props.sessions.map((s) => (
        <li key={s.bedtime} class="sleep-item" data-bedtime={s.bedtime}>
          <strong>
            {formatClock(s.bedtime, props.timeZone)} –{" "}
            {formatClock(s.wakeTime, props.timeZone)}
          </strong>
          {s.nap ? <span class="badge">Nap</span> : null}
          <span>
            {formatDuration(s.asleepMinutes)} asleep:{" "}
            {formatDuration(s.deepMinutes)} deep,{" "}
            {formatDuration(s.lightMinutes)} light
          </span>
          <span class="history-muted">
            {s.awakenings === 0
              ? "no awakenings"
              : `${s.awakenings} awakening${s.awakenings === 1 ? "" : "s"}`},
            {" "}
            {formatDuration(s.awakeMinutes)} awake in bed
          </span>
        </li>
      ))}
    </ul>
  );
}
