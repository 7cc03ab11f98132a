import type { Handlers, PageProps } from "../../../lib/http/define.ts";
import { page } from "../../../lib/http/define.ts";
import { badRequest } from "../../../lib/http/errors.ts";
import { requireBand, requireUser } from "../../../lib/auth/guards.ts";
import { readDay } from "../../../lib/auth/read_day.ts";
import { loadHistoryPage } from "../../../lib/history/history_page_data.ts";
import type { HistoryPageData } from "../../../lib/history/view_types.ts";
import { isHistoryView, todayIn } from "../../../lib/history/history_view.ts";
import { HistoryPage } from "../../../components/history/HistoryPage.tsx";
import { buildChartDetails } from "../../../lib/history/chart_details.ts";
import ChartDetails from "../../../islands/ChartDetails.tsx";

/** A band's history: `?view=day|week|month|year&day=YYYY-MM-DD`, today by default. */
export const handler: Handlers<HistoryPageData> = {
  async GET(ctx) {
    const user = requireUser(ctx);
    const band = await requireBand(ctx);
    const timeZone = user.timeZone ?? "UTC";
    const now = ctx.state.now();
    const today = todayIn(timeZone, now);
    const view = ctx.url.searchParams.get("view") ?? "day";
    if (!isHistoryView(view)) {
      throw badRequest(
        `Cannot show history: view must be day, week, month or year, got "${view}"`,
      );
    }
    const day = readDay(ctx.url.searchParams.get("day") || today);
    const data = await loadHistoryPage(ctx.state.kv, {
      id: band.id,
      name: band.name,
      stepGoal: band.settings.goal?.steps ?? null,
    }, { view, day, today, timeZone, now });
    return page(data);
  },
};

/** Renders the history page from the handler's data, with hover details when it draws charts. */
export default function HistoryRoute({ data }: PageProps<HistoryPageData>) {
  const charts = buildChartDetails(data);
  return (
    <>
      <HistoryPage page={data} />
      {charts.length ? <ChartDetails charts={charts} /> : null}
    </>
  );
}
