// The shell every chart shares: an accessible SVG (role="img", title, desc)
// followed by an HTML legend, which stays readable however small the SVG gets.

import type { ComponentChildren } from "preact";
import { CHART_WIDTH, SERIES_COLORS, type SeriesName } from "./chart_frame.ts";

/** One legend entry: the series it names and its label. */
export interface LegendItem {
  /** Palette series. */
  series: SeriesName;
  /** Text shown next to the swatch. */
  label: string;
  /** Draws the swatch as a line instead of a block (for line series). */
  line?: boolean;
  /** Draws the swatch as a dot (for point series). */
  dot?: boolean;
}

/** Props for {@link ChartFigure}. */
export interface ChartFigureProps {
  /** Unique id prefix for the title and description. */
  id: string;
  /** Short accessible title. */
  title: string;
  /** Accessible description summarising what the chart shows. */
  description: string;
  /** ViewBox height. */
  height: number;
  /** Legend entries. */
  legend: LegendItem[];
  /** Optional note under the legend, such as data completeness. */
  note?: string;
  /** SVG content. */
  children: ComponentChildren;
}

/** Wraps chart content in an accessible, responsive SVG with a legend. */
export function ChartFigure(props: ChartFigureProps) {
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  return (
    <figure class="chart" id={props.id}>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${CHART_WIDTH} ${props.height}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        font-size="11"
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        {props.children}
      </svg>
      <figcaption class="chart-caption">
        <ul class="chart-legend">
          {props.legend.map((item) => (
            <li key={item.series}>
              <svg
                class="chart-swatch"
                viewBox="0 0 12 12"
                width="12"
                height="12"
                aria-hidden="true"
              >
                {item.dot
                  ? (
                    <circle
                      class={`chart-fill-${item.series}`}
                      cx="6"
                      cy="6"
                      r="4"
                      fill={SERIES_COLORS[item.series]}
                    />
                  )
                  : item.line
                  ? (
                    <line
                      class={`chart-stroke-${item.series}`}
                      x1="0"
                      y1="6"
                      x2="12"
                      y2="6"
                      stroke={SERIES_COLORS[item.series]}
                      stroke-width="3"
                      stroke-dasharray={item.series === "goal"
                        ? "3 2"
                        : undefined}
                    />
                  )
                  : (
                    <rect
                      class={`chart-fill-${item.series}`}
                      width="12"
                      height="12"
                      fill={SERIES_COLORS[item.series]}
                    />
                  )}
              </svg>
              {item.label}
            </li>
          ))}
        </ul>
        {props.note ? <p class="chart-note">{props.note}</p> : null}
      </figcaption>
    </figure>
  );
}
