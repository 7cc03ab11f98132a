import type { Handlers } from "../../lib/http/define.ts";
import { createAccountSchema } from "../../lib/api/account_schemas.ts";
import { readJsonBody } from "../../lib/auth/request_body.ts";
import { createMember } from "../../lib/auth/accounts.ts";
import { clientAddressOf } from "../../lib/auth/client_address.ts";
import { jsonWithCookie, openSession } from "../../lib/auth/sign_in.ts";
import { forbidden } from "../../lib/http/errors.ts";

/** Open sign-up, only when the server is configured with `OPEN_SIGNUP=true`; budgeted per address. */
export const handler: Handlers = {
  async POST(ctx) {
    if (!ctx.state.config.openSignup) {
      throw forbidden(
        "Cannot sign up: this server accepts new people by invitation only",
      );
    }
    const input = await readJsonBody(ctx.req, createAccountSchema);
    const user = await createMember(ctx.state.kv, input, {
      address: clientAddressOf(ctx),
      now: ctx.state.now(),
    });
    const { cookies, body } = await openSession(ctx, user);
    return jsonWithCookie(body, cookies, 201);
  },
};
