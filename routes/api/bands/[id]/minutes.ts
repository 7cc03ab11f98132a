import type { Handlers } from "../../../../lib/http/define.ts";
import {
  dayQuerySchema,
  type MinutesResponse,
} from "../../../../lib/api/sample_schemas.ts";
import { readQuery } from "../../../../lib/auth/request_body.ts";
import { requireBand, requireUser } from "../../../../lib/auth/guards.ts";
import { readDay } from "../../../../lib/auth/read_day.ts";
import { listMinutes } from "../../../../lib/db/history_queries.ts";
import { getLocalDayBounds } from "../../../../lib/db/summaries.ts";

/** The stored minutes of one local day, in the person's time zone. */
export const handler: Handlers = {
  async GET(ctx) {
    const timeZone = requireUser(ctx).timeZone ?? "UTC";
    const band = await requireBand(ctx);
    const day = readDay(readQuery(ctx.url, dayQuerySchema).day);
    const minutes = await listMinutes(ctx.state.kv, band.id, { day, timeZone });
    const body: MinutesResponse = {
      day,
      timeZone,
      ...getLocalDayBounds(day, timeZone),
      minutes,
    };
    return Response.json(body);
  },
};
