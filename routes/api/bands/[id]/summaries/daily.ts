import type { Handlers } from "../../../../../lib/http/define.ts";
import {
  type DailyResponse,
  rangeQuerySchema,
} from "../../../../../lib/api/sample_schemas.ts";
import { readQuery } from "../../../../../lib/auth/request_body.ts";
import { requireBand, requireUser } from "../../../../../lib/auth/guards.ts";
import { readDay } from "../../../../../lib/auth/read_day.ts";
import { listDailySummaries } from "../../../../../lib/db/history_queries.ts";
import { badRequest } from "../../../../../lib/http/errors.ts";

/** Daily summaries over a range of local days (up to ten years). */
export const handler: Handlers = {
  async GET(ctx) {
    const timeZone = requireUser(ctx).timeZone ?? "UTC";
    const band = await requireBand(ctx);
    const query = readQuery(ctx.url, rangeQuerySchema);
    const from = readDay(query.from), to = readDay(query.to);
    const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (span < 0 || span > 3660) {
      throw badRequest(
        "Cannot read range: `to` must follow `from` by at most ten years",
      );
    }
    const days = await listDailySummaries(ctx.state.kv, band.id, { from, to });
    const body: DailyResponse = { timeZone, days };
    return Response.json(body);
  },
};
