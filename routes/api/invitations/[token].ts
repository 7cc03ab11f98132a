import type { Handlers } from "../../../lib/http/define.ts";
import { createAccountSchema } from "../../../lib/api/account_schemas.ts";
import { readJsonBody } from "../../../lib/auth/request_body.ts";
import {
  assertInvitationUsable,
  redeemInvitation,
} from "../../../lib/auth/accounts.ts";
import { clientAddressOf } from "../../../lib/auth/client_address.ts";
import { hashToken } from "../../../lib/auth/tokens.ts";
import { jsonWithCookie, openSession } from "../../../lib/auth/sign_in.ts";
import { getUsableInvitation } from "../../../lib/db/invitations.ts";
import { notFound } from "../../../lib/http/errors.ts";

/** Checks (GET) and accepts (POST) an invitation: accepting creates the account and signs in. */
export const handler: Handlers = {
  async GET(ctx) {
    const found = await getUsableInvitation(
      ctx.state.kv,
      await hashToken(ctx.params.token),
      ctx.state.now(),
    );
    if (found === null) {
      throw notFound("Cannot use invitation: it is unknown, used or expired");
    }
    return Response.json({ expiresAt: found.expiresAt });
  },
  async POST(ctx) {
    // An unusable token is refused before the body is read or anything is hashed.
    await assertInvitationUsable(
      ctx.state.kv,
      ctx.params.token,
      ctx.state.now(),
    );
    const input = await readJsonBody(ctx.req, createAccountSchema);
    const user = await redeemInvitation(ctx.state.kv, ctx.params.token, input, {
      address: clientAddressOf(ctx),
      now: ctx.state.now(),
    });
    const { cookies, body } = await openSession(ctx, user);
    return jsonWithCookie(body, cookies, 201);
  },
};
