import type { Handlers } from "../../../lib/http/define.ts";
import { changePasswordSchema } from "../../../lib/api/account_schemas.ts";
import { readJsonBody } from "../../../lib/auth/request_body.ts";
import { requireUser } from "../../../lib/auth/guards.ts";
import { hashPassword, verifyPassword } from "../../../lib/auth/password.ts";
import { getUser, updateUser } from "../../../lib/db/users.ts";
import { deleteSessionsOfUser } from "../../../lib/db/sessions.ts";
import { forbidden, unauthorized } from "../../../lib/http/errors.ts";

/** Changes the password and ends every other session of the person. */
export const handler: Handlers = {
  async POST(ctx) {
    const me = requireUser(ctx);
    const input = await readJsonBody(ctx.req, changePasswordSchema);
    const user = await getUser(ctx.state.kv, me.id);
    if (user === null) throw unauthorized();
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw forbidden("Cannot change password: the current password is wrong");
    }
    const passwordHash = await hashPassword(input.newPassword);
    await updateUser(ctx.state.kv, me.id, (u) => ({ ...u, passwordHash }));
    const ended = await deleteSessionsOfUser(
      ctx.state.kv,
      me.id,
      ctx.state.session?.id,
    );
    return Response.json({ endedSessions: ended });
  },
};
