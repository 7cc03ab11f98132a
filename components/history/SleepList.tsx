import type { SleepSession } from "../../lib/api/sample_schemas.ts";
import { useFormats } from "../formats.ts";

/** The sleep sessions ending on a day: bedtime, wake time, light and deep, awakenings. */
export function SleepList(
  props: { sessions: readonly SleepSession[]; timeZone: string },
) {
  const f = useFormats(props.timeZone);
  if (props.sessions.length === 0) {
    return <p class="history-muted">No sleep ended on this day.</p>;
  }
  return (
    <ul class="sleep-list">
      {props.sessions.map((s) => (
        <li key={s.bedtime} class="sleep-item" data-bedtime={s.bedtime}>
          <strong>
            {f.clock(s.bedtime)} – {f.clock(s.wakeTime)}
          </strong>
          {s.nap ? <span class="badge">Nap</span> : null}
          <span>
            {f.duration(s.asleepMinutes)} asleep: {f.duration(s.deepMinutes)}
            {" "}
            deep, {f.duration(s.lightMinutes)} light
          </span>
          <span class="history-muted">
            {s.awakenings === 0
              ? "no awakenings"
              : `${s.awakenings} awakening${s.awakenings === 1 ? "" : "s"}`},
            {" "}
            {f.duration(s.awakeMinutes)} awake in bed
          </span>
        </li>
      ))}
    </ul>
  );
}
