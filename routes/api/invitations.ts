import type { Handlers } from "../../lib/http/define.ts";
import {
  createInvitationSchema,
  type InvitationResponse,
} from "../../lib/api/account_schemas.ts";
import { readJsonBody } from "../../lib/auth/request_body.ts";
import { requireUser } from "../../lib/auth/guards.ts";
import { createToken, hashToken } from "../../lib/auth/tokens.ts";
import { createInvitation } from "../../lib/db/invitations.ts";
import { forbidden } from "../../lib/http/errors.ts";

/** The owner creates a single-use, expiring invitation link. */
export const handler: Handlers = {
  async POST(ctx) {
    const me = requireUser(ctx);
    if (me.role !== "owner") {
      throw forbidden(
        "Cannot create invitation: only the owner can invite people",
      );
    }
    const input = await readJsonBody(ctx.req, createInvitationSchema);
    const token = createToken();
    const now = ctx.state.now();
    const expiresAt = now + input.expiresInHours * 3_600_000;
    await createInvitation(ctx.state.kv, {
      id: await hashToken(token),
      createdBy: me.id,
      createdAt: now,
      expiresAt,
    });
    const body: InvitationResponse = {
      token,
      path: `/invite/${token}`,
      expiresAt,
    };
    return Response.json(body, { status: 201 });
  },
};
