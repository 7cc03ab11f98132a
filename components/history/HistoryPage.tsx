import type { HistoryPageData } from "../../lib/history/view_types.ts";
import { getViewRange } from "../../lib/history/history_view.ts";
import { DataStatus } from "./DataStatus.tsx";
import { DayView } from "./DayView.tsx";
import { ExportForm } from "./ExportForm.tsx";
import { HistoryEmpty } from "./HistoryEmpty.tsx";
import { HistoryNav } from "./HistoryNav.tsx";
import { RangeView } from "./RangeView.tsx";

/** The whole history page for one band and view, rendered on the server. */
export function HistoryPage({ page }: { page: HistoryPageData }) {
  const { band, view, day, today } = page;
  const range = getViewRange(view, day);
  const { completeness } = page.data;
  const empty = completeness.recordedMinutes === 0;
  return (
    <div class="history">
      <div class="page-heading">
        <div>
          <p class="history-kicker">
            <a href={`/devices/${band.id}`}>{band.name}</a>
          </p>
          <h1>History</h1>
        </div>
      </div>
      <HistoryNav bandId={band.id} view={view} day={day} today={today} />
      <DataStatus
        completeness={completeness}
        period={view}
        timeZone={page.timeZone}
        now={page.now}
      />
      {empty
        ? (
          <HistoryEmpty
            bandId={band.id}
            period={view}
            everSynced={completeness.lastSyncAt !== null}
            today={today}
            future={range.from > today}
          />
        )
        : page.view === "day"
        ? <DayView data={page.data} stepGoal={band.stepGoal} />
        : <RangeView data={page.data} stepGoal={band.stepGoal} today={today} />}
      <ExportForm
        bandId={band.id}
        from={range.from}
        to={range.to < today ? range.to : today}
      />
    </div>
  );
}
