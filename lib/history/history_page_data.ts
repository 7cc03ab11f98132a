// What the history page needs for one request, loaded by view. Only the band's
// id, name and step goal are carried to the page: never its auth key.

import { type DayViewData, loadDayView } from "./day_view_data.ts";
import { getViewRange, type HistoryView } from "./history_view.ts";
import { loadRangeView, type RangeViewData } from "./range_view_data.ts";

/** The band as the history page shows it. */
export interface HistoryBand {
  /** Band id. */
  id: string;
  /** Name the person gave it. */
  name: string;
  /** Step goal last written to the band, or null when never set. */
  stepGoal: number | null;
}

/** Data for one render of the history page. */
export type HistoryPageData =
  & {
    /** The band shown. */
    band: HistoryBand;
    /** The anchor day of the view. */
    day: string;
    /** Today in the person's time zone. */
    today: string;
    /** The person's time zone. */
    timeZone: string;
    /** The instant the page was rendered for (epoch ms). */
    now: number;
  }
  & (
    | { view: "day"; data: DayViewData }
    | { view: Exclude<HistoryView, "day">; data: RangeViewData }
  );

/** Loads the page data for a view anchored on a day. */
export async function loadHistoryPage(
  kv: Deno.Kv,
  band: HistoryBand,
  options: {
    view: HistoryView;
    day: string;
    today: string;
    timeZone: string;
    now: number;
  },
): Promise<HistoryPageData> {
  const { view, day, timeZone, now } = options;
  const base = { band, day, today: options.today, timeZone, now };
  if (view === "day") {
    return {
      ...base,
      view,
      data: await loadDayView(kv, band.id, { day, timeZone, now }),
    };
  }
  const range = getViewRange(view, day);
  return {
    ...base,
    view,
    data: await loadRangeView(kv, band.id, { ...range, timeZone, now }),
  };
}
