// Addresses of the history page and the export endpoint, built in one place.

import type { HistoryView } from "../../lib/history/history_view.ts";

/** The history page of a band for a view anchored on a day. */
export function historyHref(
  bandId: string,
  view: HistoryView,
  day: string,
): string {
  return `/devices/${
    encodeURIComponent(bandId)
  }/history?view=${view}&day=${day}`;
}

/** The export endpoint of a band (its query comes from the export form). */
export function exportAction(bandId: string): string {
  return `/api/bands/${encodeURIComponent(bandId)}/export`;
}
