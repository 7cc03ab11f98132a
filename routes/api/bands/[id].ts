import type { Handlers } from "../../../lib/http/define.ts";
import { updateBandSchema } from "../../../lib/api/band_schemas.ts";
import { readJsonBody } from "../../../lib/auth/request_body.ts";
import { requireBand, requireUser } from "../../../lib/auth/guards.ts";
import { deleteBand, toPublicBand, updateBand } from "../../../lib/db/bands.ts";
import { getSyncState } from "../../../lib/db/sync_state.ts";
import { notFound } from "../../../lib/http/errors.ts";

const gone = () => notFound("Cannot find band: no band with this id");

/** One band: read (GET), change what the browser learned (PATCH), remove with its history (DELETE). */
export const handler: Handlers = {
  async GET(ctx) {
    const band = await requireBand(ctx);
    const { lastSyncAt } = await getSyncState(ctx.state.kv, band.id);
    return Response.json({ band: toPublicBand(band, lastSyncAt) });
  },
  async PATCH(ctx) {
    const band = await requireBand(ctx);
    const input = await readJsonBody(ctx.req, updateBandSchema);
    const next = await updateBand(
      ctx.state.kv,
      band.userId,
      band.id,
      (b) => ({ ...b, ...input }),
    );
    if (next === null) throw gone();
    const { lastSyncAt } = await getSyncState(ctx.state.kv, band.id);
    return Response.json({ band: toPublicBand(next, lastSyncAt) });
  },
  async DELETE(ctx) {
    const user = requireUser(ctx);
    const band = await requireBand(ctx);
    if (!(await deleteBand(ctx.state.kv, user.id, band.id))) throw gone();
    return new Response(null, { status: 204 });
  },
};
