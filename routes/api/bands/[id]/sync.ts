import type { Handlers } from "../../../../lib/http/define.ts";
import type { SyncResponse } from "../../../../lib/api/sample_schemas.ts";
import { requireBand } from "../../../../lib/auth/guards.ts";
import { getSyncState } from "../../../../lib/db/sync_state.ts";

/** The band's sync cursor: the next minute any browser should fetch from the band. */
export const handler: Handlers = {
  async GET(ctx) {
    const band = await requireBand(ctx);
    const { cursor, lastSyncAt } = await getSyncState(ctx.state.kv, band.id);
    const body: SyncResponse = { cursor, lastSyncAt };
    return Response.json(body);
  },
};
