import type { Handlers } from "../../lib/http/define.ts";
import {
  deleteAccountSchema,
  updateMeSchema,
} from "../../lib/api/account_schemas.ts";
import { readJsonBody } from "../../lib/auth/request_body.ts";
import { requireUser } from "../../lib/auth/guards.ts";
import { confirmAccountDeletion } from "../../lib/auth/delete_account.ts";
import { closeSession } from "../../lib/auth/sign_in.ts";
import { getUser, toPublicUser, updateUser } from "../../lib/db/users.ts";
import { unauthorized } from "../../lib/http/errors.ts";

/** The signed-in person: read (GET), change their time zone (PATCH), delete the account and all its data (DELETE). */
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
    const user = await updateUser(
      ctx.state.kv,
      me.id,
      (u) => ({ ...u, ...input }),
    );
    if (user === null) throw unauthorized();
    return Response.json({
      user: toPublicUser(user),
      csrfToken: ctx.state.session?.csrfToken,
    });
  },
  async DELETE(ctx) {
    const me = requireUser(ctx);
    const { password } = await readJsonBody(ctx.req, deleteAccountSchema);
    await confirmAccountDeletion(ctx.state.kv, me.id, password);
    return new Response(null, {
      status: 204,
      headers: { "Set-Cookie": await closeSession(ctx) },
    });
  },
};
