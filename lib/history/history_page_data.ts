// What the history page needs for one request, loaded by view. Only the band's
// id, name and step goal are carried to the page: never its auth key.

import { loadDayView } from "./day_view_data.ts";
import { getViewRange, type HistoryView } from "./history_view.ts";
import { loadRangeView } from "./range_view_data.ts";
import type { HistoryBand, HistoryPageData } from "./view_types.ts";

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
