import type { Handlers } from "../../../../lib/http/define.ts";
import type { BandKeyResponse } from "../../../../lib/api/band_schemas.ts";
import {
  requireBand,
  requireSessionUser,
} from "../../../../lib/auth/guards.ts";

/** The band's auth key, for its owner's browser to authenticate; never cached. */
export const handler: Handlers = {
  async GET(ctx) {
    requireSessionUser(ctx); // never to an API token
    const band = await requireBand(ctx);
    const body: BandKeyResponse = { authKey: band.authKey };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  },
};
