import type { Handlers } from "../../../lib/http/define.ts";
import { changePasswordSchema } from "../../../lib/api/account_schemas.ts";
import { readJsonBody } from "../../../lib/auth/request_body.ts";
import { requireUser } from "../../../lib/auth/guards.ts";
import { changePassword } from "../../../lib/auth/accounts.ts";
import { clientAddressOf } from "../../../lib/auth/client_address.ts";
import { readDeviceToken } from "../../../lib/auth/known_device.ts";

/** Changes the password, ends every other session of the person and forgets their other known browsers. */
export const handler: Handlers = {
  async POST(ctx) {
    const me = requireUser(ctx);
    const input = await readJsonBody(ctx.req, changePasswordSchema);
    const ended = await changePassword(ctx.state.kv, {
      ...input,
      userId: me.id,
      keepSessionId: ctx.state.session?.id,
      deviceToken: readDeviceToken(ctx.req),
      address: clientAddressOf(ctx),
      now: ctx.state.now(),
    });
    return Response.json({ endedSessions: ended });
  },
};
