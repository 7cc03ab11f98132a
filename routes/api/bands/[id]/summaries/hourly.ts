import type { Handlers } from "../../../../../lib/http/define.ts";
import {
  dayQuerySchema,
  type HourlyResponse,
} from "../../../../../lib/api/sample_schemas.ts";
import { readQuery } from "../../../../../lib/auth/request_body.ts";
import { requireBand, requireUser } from "../../../../../lib/auth/guards.ts";
import { readDay } from "../../../../../lib/auth/read_day.ts";
import { listHourlySummaries } from "../../../../../lib/db/history_queries.ts";

/** Hourly summaries of one local day (23, 24 or 25 hours). */
export const handler: Handlers = {
  async GET(ctx) {
    const timeZone = requireUser(ctx).timeZone ?? "UTC";
    const band = await requireBand(ctx);
    const day = readDay(readQuery(ctx.url, dayQuerySchema).day);
    const hours = await listHourlySummaries(ctx.state.kv, band.id, day);
    const body: HourlyResponse = { day, timeZone, hours };
    return Response.json(body);
  },
};
