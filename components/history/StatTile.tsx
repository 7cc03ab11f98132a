import type { ComponentChildren } from "preact";

/** One figure in a summary row: a big value, its label and an optional detail line. */
export function StatTile(
  props: { label: string; value: string; detail?: ComponentChildren },
) {
  return (
    <div class="stat history-stat">
      <span class="stat-label">{props.label}</span>
      <span class="stat-value">{props.value}</span>
      {props.detail
        ? <span class="history-stat-detail">{props.detail}</span>
        : null}
    </div>
  );
}
