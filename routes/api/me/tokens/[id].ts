import type { Handlers } from "../../../../lib/http/define.ts";
import { requireSessionUser } from "../../../../lib/auth/guards.ts";
import { deleteApiToken } from "../../../../lib/db/api_tokens.ts";
import { notFound } from "../../../../lib/http/errors.ts";

/** Revokes one of the person's API tokens. */
export const handler: Handlers = {
  async DELETE(ctx) {
    const me = requireSessionUser(ctx);
    const id = ctx.params.id ?? "";
    const deleted = /^[0-9a-f]{64}$/.test(id) &&
      await deleteApiToken(ctx.state.kv, me.id, id);
    if (!deleted) {
      throw notFound("Cannot revoke API token: no token with this id");
    }
    return new Response(null, { status: 204 });
  },
};
