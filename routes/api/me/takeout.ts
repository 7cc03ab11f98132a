import type { Handlers } from "../../../lib/http/define.ts";
import { takeoutQuerySchema } from "../../../lib/api/takeout_schemas.ts";
import { readQuery } from "../../../lib/auth/request_body.ts";
import { requireSessionUser, requireUser } from "../../../lib/auth/guards.ts";
import { getUser } from "../../../lib/db/users.ts";
import { forbidden, unauthorized } from "../../../lib/http/errors.ts";
import { isFromOurPages } from "../../../lib/auth/csrf.ts";
import {
  buildTakeoutFileName,
  streamTakeout,
} from "../../../lib/takeout/mod.ts";

/**
 * Streams everything of the signed-in person as one ZIP (docs/takeout.md);
 * `?keys=1` adds the bands' auth keys, for a signed-in session only, never
 * for an API token.
 */
export const handler: Handlers = {
  async GET(ctx) {
    const query = readQuery(ctx.url, takeoutQuerySchema);
    const includeKeys = query.keys === "1";
    const me = includeKeys ? requireSessionUser(ctx) : requireUser(ctx);
    if (includeKeys && !isFromOurPages(ctx.req)) {
      throw forbidden(
        "Cannot download the auth keys from a link on another site: use Download everything on your Account page",
      );
    }
    const user = await getUser(ctx.state.kv, me.id);
    if (user === null) throw unauthorized();
    const now = ctx.state.now();
    return new Response(
      streamTakeout(ctx.state.kv, user, { includeKeys, now }),
      {
        headers: {
          "Content-Type": "application/zip",
          "Content-Disposition": `attachment; filename="${
            buildTakeoutFileName(user.username, now, user.timeZone)
          }"`,
          "Cache-Control": "no-store",
        },
      },
    );
  },
};
