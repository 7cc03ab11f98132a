import type { Handlers } from "../../../lib/http/define.ts";
import { TAKEOUT_MAX_BYTES } from "../../../lib/api/takeout_schemas.ts";
import { requireSessionUser } from "../../../lib/auth/guards.ts";
import { restoreTakeoutUpload } from "../../../lib/takeout/mod.ts";

/** Restores a takeout ZIP (the raw body) into the signed-in person's account. */
export const handler: Handlers = {
  async POST(ctx) {
    const user = requireSessionUser(ctx);
    return Response.json(
      await restoreTakeoutUpload(ctx.state.kv, ctx.req.body, {
        userId: user.id,
        timeZone: user.timeZone ?? "UTC",
        now: ctx.state.now(),
        maxBytes: TAKEOUT_MAX_BYTES,
      }),
    );
  },
};
