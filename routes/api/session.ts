import type { Handlers } from "../../lib/http/define.ts";
import { signinSchema } from "../../lib/api/account_schemas.ts";
import { readJsonBody } from "../../lib/auth/request_body.ts";
import { authenticate } from "../../lib/auth/accounts.ts";
import { clientAddressOf } from "../../lib/auth/client_address.ts";
import { readDeviceToken } from "../../lib/auth/known_device.ts";
import {
  closeSession,
  jsonWithCookie,
  openSession,
} from "../../lib/auth/sign_in.ts";

/** Sign in (POST) and sign out (DELETE). */
export const handler: Handlers = {
  async POST(ctx) {
    const input = await readJsonBody(ctx.req, signinSchema);
    const user = await authenticate(ctx.state.kv, {
      ...input,
      address: clientAddressOf(ctx),
      deviceToken: readDeviceToken(ctx.req),
      now: ctx.state.now(),
    });
    const { cookies, body } = await openSession(ctx, user);
    return jsonWithCookie(body, cookies);
  },
  async DELETE(ctx) {
    const cookie = await closeSession(ctx);
    return new Response(null, {
      status: 204,
      headers: { "Set-Cookie": cookie },
    });
  },
};
