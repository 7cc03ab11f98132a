import type { Handlers } from "../../lib/http/define.ts";
import { createAccountSchema } from "../../lib/api/account_schemas.ts";
import { readJsonBody } from "../../lib/auth/request_body.ts";
import { assertSetupOpen, createOwner } from "../../lib/auth/accounts.ts";
import { clientAddressOf } from "../../lib/auth/client_address.ts";
import { jsonWithCookie, openSession } from "../../lib/auth/sign_in.ts";
import { hasOwner } from "../../lib/db/users.ts";

/** First-run setup: creates the owner account while no account exists. */
export const handler: Handlers = {
  async GET(ctx) {
    return Response.json({ needsSetup: !(await hasOwner(ctx.state.kv)) });
  },
  async POST(ctx) {
    // Refused before the body is read or anything is hashed.
    await assertSetupOpen(ctx.state.kv);
    const input = await readJsonBody(ctx.req, createAccountSchema);
    const user = await createOwner(ctx.state.kv, input, {
      address: clientAddressOf(ctx),
      now: ctx.state.now(),
    });
    const { cookies, body } = await openSession(ctx, user);
    return jsonWithCookie(body, cookies, 201);
  },
};
