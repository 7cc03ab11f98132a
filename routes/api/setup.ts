import type { Handlers } from "../../lib/http/define.ts";
import { createAccountSchema } from "../../lib/api/account_schemas.ts";
import { readJsonBody } from "../../lib/auth/request_body.ts";
import { createOwner } from "../../lib/auth/accounts.ts";
import { jsonWithCookie, openSession } from "../../lib/auth/sign_in.ts";
import { hasOwner } from "../../lib/db/users.ts";

/** First-run setup: creates the owner account while no account exists. */
export const handler: Handlers = {
  async GET(ctx) {
    return Response.json({ needsSetup: !(await hasOwner(ctx.state.kv)) });
  },
  async POST(ctx) {
    const input = await readJsonBody(ctx.req, createAccountSchema);
    const user = await createOwner(ctx.state.kv, input, ctx.state.now());
    const { cookie, body } = await openSession(ctx, user);
    return jsonWithCookie(body, cookie, 201);
  },
};
