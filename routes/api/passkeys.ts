import type { Handlers } from "../../lib/http/define.ts";
import { registerPasskeySchema } from "../../lib/api/credential_schemas.ts";
import { readJsonBody } from "../../lib/auth/request_body.ts";
import { requireSessionUser } from "../../lib/auth/guards.ts";
import { finishPasskeyRegistration } from "../../lib/auth/passkey_registration.ts";
import { toPasskeyView } from "../../lib/auth/passkeys.ts";
import { relyingPartyOf } from "../../lib/auth/relying_party.ts";
import { listPasskeys } from "../../lib/db/passkeys.ts";

/** The person's passkeys: list (GET) and register one from the browser's answer (POST). */
export const handler: Handlers = {
  async GET(ctx) {
    const me = requireSessionUser(ctx);
    const passkeys = await listPasskeys(ctx.state.kv, me.id);
    return Response.json({ passkeys: passkeys.map(toPasskeyView) });
  },
  async POST(ctx) {
    const me = requireSessionUser(ctx);
    const input = await readJsonBody(ctx.req, registerPasskeySchema);
    const passkey = await finishPasskeyRegistration(ctx.state.kv, {
      userId: me.id,
      name: input.name,
      response: input.response,
      rp: relyingPartyOf(ctx),
      now: ctx.state.now(),
    });
    return Response.json(toPasskeyView(passkey), { status: 201 });
  },
};
