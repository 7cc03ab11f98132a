import type { Middleware } from "../lib/http/define.ts";
import { forbidden } from "../lib/http/errors.ts";
import { checkCsrf } from "../lib/auth/csrf.ts";
import { loadSession, readSessionToken } from "../lib/auth/session.ts";
import {
  hasAuthorization,
  signInWithApiToken,
} from "../lib/auth/api_token_guard.ts";

/** Runs before every route: loads the session, then refuses forged state-changing requests. */
export const handler: Middleware = async (ctx) => {
  if (hasAuthorization(ctx.req)) {
    // A read-only API token: no session, no cookies, GET/HEAD under /api/ only.
    await signInWithApiToken(ctx, ctx.state.now());
    return await ctx.next();
  }
  const token = readSessionToken(ctx.req);
  if (token) {
    const found = await loadSession(ctx.state.kv, token, ctx.state.now());
    if (found) {
      const { user, session } = found;
      ctx.state.user = {
        id: user.id,
        username: user.username,
        role: user.role,
        timeZone: user.timeZone,
      };
      ctx.state.session = { id: session.id, csrfToken: session.csrfToken };
    }
  }
  const problem = checkCsrf({
    req: ctx.req,
    url: ctx.url,
    hasSessionCookie: token !== undefined,
    csrfToken: ctx.state.session?.csrfToken,
  });
  if (problem !== null) throw forbidden(problem);
  return await ctx.next();
};
