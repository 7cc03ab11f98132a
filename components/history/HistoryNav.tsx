import { type Formats, useFormats } from "../formats.ts";
import {
  getViewRange,
  HISTORY_VIEWS,
  type HistoryView,
  shiftViewDay,
} from "../../lib/history/history_view.ts";
import { historyHref } from "./links.ts";

/** Props for {@link HistoryNav}. */
export interface HistoryNavProps {
  /** Band id, for the links. */
  bandId: string;
  /** Current view. */
  view: HistoryView;
  /** Current anchor day. */
  day: string;
  /** Today in the person's time zone. */
  today: string;
}

const VIEW_LABELS: Record<HistoryView, string> = {
  day: "Day",
  week: "Week",
  month: "Month",
  year: "Year",
};

/** Names a view's period in the page's locale: "Sunday, 29 November 2026", "30 Nov – 6 Dec 2026", "November 2026", "2026". */
export function formatViewTitle(
  view: HistoryView,
  day: string,
  f: Formats,
): string {
  const { from, to } = getViewRange(view, day);
  switch (view) {
    case "day":
      return f.longDay(day);
    case "week":
      return f.dayRange(from, to);
    case "month":
      return f.month(day);
    case "year":
      return day.slice(0, 4);
  }
}

/** View tabs, previous and next links, and a date form that works without JavaScript. */
export function HistoryNav(props: HistoryNavProps) {
  const { bandId, view, day, today } = props;
  const f = useFormats("UTC");
  const previous = shiftViewDay(view, day, -1);
  const next = shiftViewDay(view, day, 1);
  // The next period may contain today; only a period wholly in the future is hidden.
  const atToday = getViewRange(view, next).from > today;
  return (
    <nav class="history-nav" aria-label="History views and dates">
      <ul class="history-tabs">
        {HISTORY_VIEWS.map((v) => (
          <li key={v}>
            <a
              class="history-tab"
              href={historyHref(bandId, v, day)}
              aria-current={v === view ? "page" : undefined}
            >
              {VIEW_LABELS[v]}
            </a>
          </li>
        ))}
      </ul>
      <div class="history-dates">
        <a
          class="button button-quiet"
          href={historyHref(bandId, view, previous)}
          rel="prev"
        >
          <span aria-hidden="true">←</span>
          <span class="visually-hidden">Previous {view}:</span>
          {formatViewTitle(view, previous, f)}
        </a>
        <h2 class="history-title">{formatViewTitle(view, day, f)}</h2>
        {atToday ? <span class="history-date-spacer" /> : (
          <a
            class="button button-quiet"
            href={historyHref(bandId, view, next)}
            rel="next"
          >
            <span class="visually-hidden">Next {view}:</span>
            {formatViewTitle(view, next, f)}
            <span aria-hidden="true">→</span>
          </a>
        )}
      </div>
      <form class="history-picker" method="get">
        <input type="hidden" name="view" value={view} />
        <label for="history-day">Go to date</label>
        <input
          id="history-day"
          type="date"
          name="day"
          value={day}
          max={today}
          required
        />
        <button class="button" type="submit">Show</button>
        {day !== today
          ? (
            <a
              class="button button-quiet"
              href={historyHref(bandId, view, today)}
            >
              Today
            </a>
          )
          : null}
      </form>
    </nav>
  );
}
