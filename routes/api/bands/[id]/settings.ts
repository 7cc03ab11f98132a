import type { Handlers } from "../../../../lib/http/define.ts";
import { bandSettingsSchema } from "../../../../lib/api/band_schemas.ts";
import { readJsonBody } from "../../../../lib/auth/request_body.ts";
import { requireBand } from "../../../../lib/auth/guards.ts";
import { updateBand } from "../../../../lib/db/bands.ts";
import { notFound } from "../../../../lib/http/errors.ts";

/** Settings last written to the band: read (GET) and merge sections (PATCH). */
export const handler: Handlers = {
  async GET(ctx) {
    const band = await requireBand(ctx);
    return Response.json({ settings: band.settings });
  },
  async PATCH(ctx) {
    const band = await requireBand(ctx);
    const input = await readJsonBody(ctx.req, bandSettingsSchema);
    const next = await updateBand(ctx.state.kv, band.userId, band.id, (b) => ({
      ...b,
      settings: { ...b.settings, ...input },
    }));
    if (next === null) throw notFound("Cannot find band: no band with this id");
    return Response.json({ settings: next.settings });
  },
};
