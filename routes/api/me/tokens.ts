import type { Handlers } from "../../../lib/http/define.ts";
import {
  type ApiTokenView,
  createApiTokenSchema,
  type CreatedApiToken,
} from "../../../lib/api/credential_schemas.ts";
import { readJsonBody } from "../../../lib/auth/request_body.ts";
import { requireSessionUser } from "../../../lib/auth/guards.ts";
import { issueApiToken } from "../../../lib/auth/api_tokens.ts";
import { type ApiToken, listApiTokens } from "../../../lib/db/api_tokens.ts";

function toView(t: ApiToken): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
  };
}

/** The person's read-only API tokens: list (GET) and create (POST, the token is shown once). */
export const handler: Handlers = {
  async GET(ctx) {
    const me = requireSessionUser(ctx);
    const tokens = await listApiTokens(ctx.state.kv, me.id);
    return Response.json({ tokens: tokens.map(toView) });
  },
  async POST(ctx) {
    const me = requireSessionUser(ctx);
    const input = await readJsonBody(ctx.req, createApiTokenSchema);
    const { token, record } = await issueApiToken(ctx.state.kv, {
      userId: me.id,
      name: input.name,
      now: ctx.state.now(),
    });
    const body: CreatedApiToken = { ...toView(record), token };
    return Response.json(body, {
      status: 201,
      headers: { "Cache-Control": "no-store" },
    });
  },
};
