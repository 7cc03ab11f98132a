import type { Handlers } from "../../../../lib/http/define.ts";
import { startPasskeySignin } from "../../../../lib/auth/passkey_signin.ts";
import { spendPasskeyBudget } from "../../../../lib/auth/passkey_budget.ts";
import { relyingPartyOf } from "../../../../lib/auth/relying_party.ts";

/** Sign-in options (a fresh single-use challenge) for any passkey of this server. */
export const handler: Handlers = {
  async POST(ctx) {
    const now = ctx.state.now();
    await spendPasskeyBudget(ctx, now);
    const options = await startPasskeySignin(ctx.state.kv, {
      rp: relyingPartyOf(ctx),
      now,
    });
    return Response.json(options, { headers: { "Cache-Control": "no-store" } });
  },
};
