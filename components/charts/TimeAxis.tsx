// The day chart's time axis. Ticks are found by reading the local clock, so on a
// 23- or 25-hour day "06:00" still sits where the person's clock said 06:00.

import { utcOffsetMinutes } from "../../lib/time/zones.ts";
import type { ScaleLinear } from "./d3_scale.d.ts";
import { roundCoord } from "./chart_frame.ts";

/** Props for {@link TimeAxis}. */
export interface TimeAxisProps {
  /** Horizontal scale from minute slot to x. */
  scale: ScaleLinear;
  /** Epoch ms of slot 0. */
  start: number;
  /** Number of minute slots in the day. */
  slots: number;
  /** Person's IANA time zone. */
  timeZone: string;
  /** Baseline y. */
  y: number;
  /** Hours between ticks (default 6). */
  everyHours?: number;
}

/** Lists the minute slots at which the local clock shows a whole multiple of `everyHours`. */
export function findHourTicks(
  start: number,
  slots: number,
  timeZone: string,
  everyHours: number,
): { slot: number; label: string }[] {
  const ticks: { slot: number; label: string }[] = [];
  // Reading the zone costs an Intl call: when the offset is the same at both
  // ends of the day (no DST change), every slot shares it.
  const first = utcOffsetMinutes(start, timeZone);
  const fixed = first === utcOffsetMinutes(start + slots * 60_000, timeZone);
  for (let slot = 0; slot <= slots; slot += 15) {
    const t = start + slot * 60_000;
    const offset = fixed ? first : utcOffsetMinutes(t, timeZone);
    const local = (t / 60_000 + offset) % 1440;
    const minuteOfDay = (local + 1440) % 1440;
    if (minuteOfDay % (everyHours * 60) !== 0) continue;
    const hour = minuteOfDay / 60;
    ticks.push({
      slot,
      label: slot === slots ? "24:00" : `${String(hour).padStart(2, "0")}:00`,
    });
  }
  return ticks;
}

/** Draws hour ticks and labels along the bottom of a day chart. */
export function TimeAxis(props: TimeAxisProps) {
  const ticks = findHourTicks(
    props.start,
    props.slots,
    props.timeZone,
    props.everyHours ?? 6,
  );
  return (
    <g class="chart-axis chart-axis-x">
      {ticks.map(({ slot, label }) => {
        const x = roundCoord(props.scale(slot));
        return (
          <g key={slot}>
            <line
              x1={x}
              x2={x}
              y1={props.y}
              y2={props.y + 4}
              stroke="currentColor"
            />
            <text
              x={x}
              y={props.y + 15}
              text-anchor="middle"
              fill="currentColor"
            >
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
