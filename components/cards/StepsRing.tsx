import { formatNumber, formatPercent } from "./format.ts";

/** Steps against the goal as a ring, with the count in its middle. */
export function StepsRing(
  props: { steps: number; goal: number; locale: string },
) {
  const share = props.goal > 0 ? Math.min(1, props.steps / props.goal) : 0;
  const radius = 42;
  const length = 2 * Math.PI * radius;
  const percent = props.goal > 0
    ? formatPercent(Math.round((props.steps / props.goal) * 100), props.locale)
    : "";
  return (
    <svg
      class="steps-ring"
      viewBox="0 0 100 100"
      role="img"
      aria-label={`${formatNumber(props.steps, props.locale)} of ${
        formatNumber(props.goal, props.locale)
      } steps (${percent})`}
    >
      <circle class="steps-ring-track" cx="50" cy="50" r={radius} />
      {share > 0 && (
        <circle
          class="steps-ring-done"
          cx="50"
          cy="50"
          r={radius}
          stroke-dasharray={`${(share * length).toFixed(1)} ${
            length.toFixed(1)
          }`}
          transform="rotate(-90 50 50)"
        />
      )}
      <text class="steps-ring-count" x="50" y="50">
        {formatNumber(props.steps, props.locale)}
      </text>
      <text class="steps-ring-goal" x="50" y="66">
        {percent}
      </text>
    </svg>
  );
}
