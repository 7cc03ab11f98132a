import type { Handlers } from "../../../../lib/http/define.ts";
import { badRequest } from "../../../../lib/http/errors.ts";
import { readQuery } from "../../../../lib/auth/request_body.ts";
import { requireBand, requireUser } from "../../../../lib/auth/guards.ts";
import { ensureSummaryTimeZone } from "../../../../lib/db/summary_rebuild.ts";
import { readDay } from "../../../../lib/auth/read_day.ts";
import {
  DAILY_COLUMNS,
  MINUTE_COLUMNS,
} from "../../../../lib/history/export_columns.ts";
import {
  buildExportFileName,
  EXPORT_CONTENT_TYPES,
  exportQuerySchema,
  findExportRangeProblem,
} from "../../../../lib/history/export_query.ts";
import {
  streamDailyRows,
  streamMinuteRows,
} from "../../../../lib/history/export_rows.ts";
import {
  streamCsv,
  streamJsonLines,
} from "../../../../lib/history/export_stream.ts";

/** Streams raw minutes or daily summaries of a date range as CSV or JSON Lines. */
export const handler: Handlers = {
  async GET(ctx) {
    const timeZone = requireUser(ctx).timeZone ?? "UTC";
    const band = await requireBand(ctx);
    await ensureSummaryTimeZone(ctx.state.kv, band.id, timeZone);
    const query = readQuery(ctx.url, exportQuerySchema);
    const from = readDay(query.from), to = readDay(query.to);
    const problem = findExportRangeProblem({ from, to }, timeZone);
    if (problem !== null) throw badRequest(`Cannot export: ${problem}`);
    const range = { from, to, timeZone };
    const kv = ctx.state.kv;
    const body = query.data === "minutes"
      ? (query.format === "csv" ? streamCsv : streamJsonLines)(
        streamMinuteRows(kv, band.id, range),
        MINUTE_COLUMNS,
      )
      : (query.format === "csv" ? streamCsv : streamJsonLines)(
        streamDailyRows(kv, band.id, {
          ...range,
          stepGoal: band.settings.goal?.steps ?? null,
        }),
        DAILY_COLUMNS,
      );
    return new Response(body, {
      headers: {
        "Content-Type": EXPORT_CONTENT_TYPES[query.format],
        "Content-Disposition": `attachment; filename="${
          buildExportFileName({ ...query, from, to })
        }"`,
        "Cache-Control": "no-store",
      },
    });
  },
};
