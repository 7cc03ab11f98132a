import type { Handlers } from "../../../../../lib/http/define.ts";
import {
  buildReadingsBodySchema,
  isReadingKind,
  readingsQuerySchema,
} from "../../../../../lib/api/reading_schemas.ts";
import {
  readJsonBody,
  readQuery,
} from "../../../../../lib/auth/request_body.ts";
import { requireBand } from "../../../../../lib/auth/guards.ts";
import { listReadings, storeReadings } from "../../../../../lib/db/readings.ts";
import { updateBand } from "../../../../../lib/db/bands.ts";
import { badRequest, notFound } from "../../../../../lib/http/errors.ts";
import type { RouteContext } from "../../../../../lib/http/define.ts";

function readKind(ctx: RouteContext) {
  const kind = ctx.params.kind;
  if (!isReadingKind(kind)) {
    throw notFound(
      "Cannot find readings: use battery, heart_rate, workouts or band_events",
    );
  }
  return kind;
}

/** A band's battery, heart-rate, workout and event readings: list (GET) and add (POST). */
export const handler: Handlers = {
  async GET(ctx) {
    const band = await requireBand(ctx);
    const kind = readKind(ctx);
    const range = readQuery(ctx.url, readingsQuerySchema);
    const readings = await listReadings(ctx.state.kv, kind, band.id, range);
    return Response.json({ readings });
  },
  async POST(ctx) {
    const band = await requireBand(ctx);
    const kind = readKind(ctx);
    const { readings } = await readJsonBody(
      ctx.req,
      buildReadingsBodySchema(kind),
    );
    const now = Date.now();
    if (readings.some((r) => r.time > now + 60_000)) {
      throw badRequest(
        "Cannot store readings: a reading is dated in the future",
      );
    }
    const added = await storeReadings(ctx.state.kv, kind, band.id, readings, {
      owner: band.userId,
    });
    if (kind === "battery") {
      const latest = readings.reduce((
        a,
        b,
      ) => (b.time > a.time ? b : a)) as unknown as {
        time: number;
        level: number;
        charging: boolean;
      };
      await updateBand(
        ctx.state.kv,
        band.userId,
        band.id,
        (b) =>
          b.lastBattery !== null && b.lastBattery.time >= latest.time ? b : {
            ...b,
            lastBattery: {
              level: latest.level,
              charging: latest.charging,
              time: latest.time,
            },
          },
      );
    }
    return Response.json({ added }, { status: added > 0 ? 201 : 200 });
  },
};
