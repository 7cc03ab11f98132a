import type { Handlers } from "../../../lib/http/define.ts";
import { requireSessionUser } from "../../../lib/auth/guards.ts";
import { startPasskeyRegistration } from "../../../lib/auth/passkey_registration.ts";
import { relyingPartyOf } from "../../../lib/auth/relying_party.ts";
import { getUser } from "../../../lib/db/users.ts";
import { unauthorized } from "../../../lib/http/errors.ts";

/** Registration options (with a fresh single-use challenge) for the signed-in person. */
export const handler: Handlers = {
  async POST(ctx) {
    const me = requireSessionUser(ctx);
    const user = await getUser(ctx.state.kv, me.id);
    if (user === null) throw unauthorized();
    const options = await startPasskeyRegistration(ctx.state.kv, {
      user,
      rp: relyingPartyOf(ctx),
      now: ctx.state.now(),
    });
    return Response.json(options, { headers: { "Cache-Control": "no-store" } });
  },
};
