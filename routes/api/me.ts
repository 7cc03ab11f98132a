import type { Handlers } from "../../lib/http/define.ts";
import { updateMeSchema } from "../../lib/api/account_schemas.ts";
import { readJsonBody } from "../../lib/auth/request_body.ts";
import { requireUser } from "../../lib/auth/guards.ts";
import { getUser, toPublicUser } from "../../lib/db/users.ts";
import { changeTimeZone } from "../../lib/db/summary_rebuild.ts";
import { unauthorized } from "../../lib/http/errors.ts";

/** The signed-in person: read (GET) and change their time zone (PATCH). */
export const handler: Handlers = {
  async GET(ctx) {
    const user = await getUser(ctx.state.kv, requireUser(ctx).id);
    if (user === null) throw unauthorized();
    return Response.json({
      user: toPublicUser(user),
      csrfToken: ctx.state.session?.csrfToken,
    });
  },
  async PATCH(ctx) {
    const me = requireUser(ctx);
    const input = await readJsonBody(ctx.req, updateMeSchema);
    // A zone change rebuilds the stored figures of the person's bands, here, once.
    if (!(await changeTimeZone(ctx.state.kv, me.id, input.timeZone))) {
      throw unauthorized();
    }
    const user = await getUser(ctx.state.kv, me.id);
    if (user === null) throw unauthorized();
    return Response.json({
      user: toPublicUser(user),
      csrfToken: ctx.state.session?.csrfToken,
    });
  },
};
