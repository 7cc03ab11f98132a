import type { SleepStage } from "../../lib/api/today_schemas.ts";

const ROWS: Record<SleepStage["stage"], number> = {
  awake: 0,
  light: 1,
  deep: 2,
};
const ROW_HEIGHT = 12;

/** Last night's sleep stages as a small hypnogram: awake on top, deep at the bottom. */
export function Hypnogram(
  props: { stages: SleepStage[]; label: string },
) {
  const total = props.stages.reduce((sum, s) => sum + s.minutes, 0) || 1;
  let at = 0;
  return (
    <svg
      class="hypnogram"
      viewBox={`0 0 ${total} ${ROW_HEIGHT * 3}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={props.label}
    >
      {props.stages.map((stage) => {
        const x = at;
        at += stage.minutes;
        return (
          <rect
            key={stage.start}
            class={`hypnogram-${stage.stage}`}
            x={x}
            y={ROWS[stage.stage] * ROW_HEIGHT}
            width={stage.minutes}
            height={ROW_HEIGHT}
          />
        );
      })}
    </svg>
  );
}
