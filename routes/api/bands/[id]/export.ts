import type { Handlers } from "../../../../lib/http/define.ts";
import { badRequest } from "../../../../lib/http/errors.ts";
import { readQuery } from "../../../../lib/auth/request_body.ts";
import { requireBand, requireUser } from "../../../../lib/auth/guards.ts";
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
import { exportGadgetbridgeDatabase } from "../../../../lib/gadgetbridge/mod.ts";
import {
  streamCsv,
  streamJsonLines,
} from "../../../../lib/history/export_stream.ts";

/**
 * Streams raw minutes or daily summaries of a date range as CSV or JSON Lines,
 * or (`?format=gadgetbridge`) the whole history as a Gadgetbridge database.
 */
export const handler: Handlers = {
  async GET(ctx) {
    const user = requireUser(ctx);
    const timeZone = user.timeZone ?? "UTC";
    const band = await requireBand(ctx);
    if (ctx.url.searchParams.get("format") === "gadgetbridge") {
      const file = await exportGadgetbridgeDatabase(ctx.state.kv, {
        bandId: band.id,
        bandName: band.name,
        mac: band.mac,
        model: band.hardwareRevision,
        userName: user.username,
      });
      return new Response(file.body, {
        headers: {
          "Content-Type": "application/vnd.sqlite3",
          "Content-Length": String(file.size),
          // Gadgetbridge's own export is a file named "Gadgetbridge".
          "Content-Disposition": 'attachment; filename="Gadgetbridge"',
          "Cache-Control": "no-store",
        },
      });
    }
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
