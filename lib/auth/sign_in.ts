// The answers that start or end a session, shared by the JSON API and the pages.
import type { MeResponse } from "../api/account_schemas.ts";
import type { RouteContext } from "../http/define.ts";
import { deleteSession } from "../db/sessions.ts";
import { toPublicUser, type User } from "../db/users.ts";
import {
  buildClearedSessionCookie,
  buildSessionCookie,
  startSession,
} from "./session.ts";

function isSecure(ctx: RouteContext): boolean {
  const setting = ctx.state.config.secureCookies;
  return setting === "always" ||
    (setting === "auto" && ctx.state.secure === true);
}

/** Starts a fresh session for `user` (ending any current one) and returns its cookie. */
export async function openSession(
  ctx: RouteContext,
  user: User,
): Promise<{ cookie: string; body: MeResponse }> {
  if (ctx.state.session && ctx.state.user) {
    await deleteSession(ctx.state.kv, {
      id: ctx.state.session.id,
      userId: ctx.state.user.id,
    });
  }
  const { token, session } = await startSession(ctx.state.kv, user.id, {
    now: ctx.state.now(),
  });
  return {
    cookie: buildSessionCookie(token, isSecure(ctx)),
    body: { user: toPublicUser(user), csrfToken: session.csrfToken },
  };
}

/** Ends the current session server-side and returns the cookie that clears it. */
export async function closeSession(ctx: RouteContext): Promise<string> {
  if (ctx.state.session && ctx.state.user) {
    await deleteSession(ctx.state.kv, {
      id: ctx.state.session.id,
      userId: ctx.state.user.id,
    });
  }
  return buildClearedSessionCookie(isSecure(ctx));
}

/** Answers JSON with a `Set-Cookie` header. */
export function jsonWithCookie(
  body: unknown,
  cookie: string,
  status = 200,
): Response {
  return Response.json(body, { status, headers: { "Set-Cookie": cookie } });
}
