import type { Handlers } from "../../../lib/http/define.ts";
import { passkeySigninSchema } from "../../../lib/api/credential_schemas.ts";
import { readJsonBody } from "../../../lib/auth/request_body.ts";
import { finishPasskeySignin } from "../../../lib/auth/passkey_signin.ts";
import { spendPasskeyBudget } from "../../../lib/auth/passkey_budget.ts";
import { relyingPartyOf } from "../../../lib/auth/relying_party.ts";
import { jsonWithCookie, openSession } from "../../../lib/auth/sign_in.ts";

/** Signs in with a passkey: verifies the browser's answer to a sign-in challenge. */
export const handler: Handlers = {
  async POST(ctx) {
    const now = ctx.state.now();
    await spendPasskeyBudget(ctx, now);
    const input = await readJsonBody(ctx.req, passkeySigninSchema);
    const user = await finishPasskeySignin(ctx.state.kv, {
      response: input.response,
      rp: relyingPartyOf(ctx),
      now,
    });
    const { cookies, body } = await openSession(ctx, user);
    return jsonWithCookie(body, cookies);
  },
};
