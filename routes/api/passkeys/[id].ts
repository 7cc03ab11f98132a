import type { Handlers } from "../../../lib/http/define.ts";
import { renamePasskeySchema } from "../../../lib/api/credential_schemas.ts";
import { readJsonBody } from "../../../lib/auth/request_body.ts";
import { requireSessionUser } from "../../../lib/auth/guards.ts";
import { deletePasskey, updatePasskey } from "../../../lib/db/passkeys.ts";
import { notFound } from "../../../lib/http/errors.ts";
import { toPasskeyView } from "../../../lib/auth/passkeys.ts";

const missing = () => notFound("Cannot find passkey: no passkey with this id");

/** Renames (PATCH) or removes (DELETE) one of the person's passkeys. */
export const handler: Handlers = {
  async PATCH(ctx) {
    const me = requireSessionUser(ctx);
    const input = await readJsonBody(ctx.req, renamePasskeySchema);
    const passkey = await updatePasskey(
      ctx.state.kv,
      me.id,
      ctx.params.id ?? "",
      (p) => ({ ...p, name: input.name }),
    );
    if (passkey === null) throw missing();
    return Response.json(toPasskeyView(passkey));
  },
  async DELETE(ctx) {
    const me = requireSessionUser(ctx);
    if (!(await deletePasskey(ctx.state.kv, me.id, ctx.params.id ?? ""))) {
      throw missing();
    }
    return new Response(null, { status: 204 });
  },
};
