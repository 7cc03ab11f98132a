// Signs a request in with its `Authorization: Bearer` API token, within the
// token's read-only scope. Runs in the root middleware instead of the session.
import type { RouteContext } from "../http/define.ts";
import { forbidden, HttpError } from "../http/errors.ts";
import {
  authenticateApiToken,
  readBearerToken,
  refusalForApiToken,
} from "./api_tokens.ts";

function badToken(): HttpError {
  return new HttpError(
    401,
    "unauthorized",
    "Cannot use the API token: it is malformed, unknown or revoked",
    { headers: { "WWW-Authenticate": 'Bearer realm="band-web"' } },
  );
}

/** Whether the request carries `Authorization: Bearer` (then the session cookie is ignored). */
export function hasAuthorization(req: Request): boolean {
  return readBearerToken(req).kind !== "none";
}

/** Checks the request's bearer token and scope, then fills `ctx.state.user` and `ctx.state.apiTokenId`; throws 401 or 403. */
export async function signInWithApiToken(
  ctx: RouteContext,
  now: number,
): Promise<void> {
  const refusal = refusalForApiToken(ctx.req.method, ctx.url.pathname);
  if (refusal !== null) throw forbidden(refusal);
  const bearer = readBearerToken(ctx.req);
  if (bearer.kind !== "token") throw badToken();
  const found = await authenticateApiToken(ctx.state.kv, bearer.token, now);
  if (found === null) throw badToken();
  const { user, record } = found;
  ctx.state.user = {
    id: user.id,
    username: user.username,
    role: user.role,
    timeZone: user.timeZone,
  };
  ctx.state.apiTokenId = record.id;
}
