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
import {
  buildDeviceCookie,
  findKnownDevice,
  readDeviceToken,
  rememberDevice,
} from "./known_device.ts";

/** Whether cookies set on this request get `Secure`. */
export function isSecureRequest(ctx: RouteContext): boolean {
  const setting = ctx.state.config.secureCookies;
  return setting === "always" ||
    (setting === "auto" && ctx.state.secure === true);
}

/**
 * Starts a fresh session for `user` (ending any current one) and returns its
 * cookies: the session's, and a known-device cookie when this browser is not
 * yet known for this account.
 */
export async function openSession(
  ctx: RouteContext,
  user: User,
): Promise<{ cookies: string[]; body: MeResponse }> {
  const kv = ctx.state.kv;
  const now = ctx.state.now();
  if (ctx.state.session && ctx.state.user) {
    await deleteSession(kv, {
      id: ctx.state.session.id,
      userId: ctx.state.user.id,
    });
  }
  const { token, session } = await startSession(kv, user.id, { now });
  const secure = isSecureRequest(ctx);
  const cookies = [buildSessionCookie(token, secure)];
  const known = await findKnownDevice(kv, {
    userId: user.id,
    token: readDeviceToken(ctx.req),
    now,
  });
  if (known === undefined) {
    cookies.push(
      buildDeviceCookie(await rememberDevice(kv, user.id, now), secure),
    );
  }
  return {
    cookies,
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
  return buildClearedSessionCookie(isSecureRequest(ctx));
}

/** Answers JSON with one or more `Set-Cookie` headers. */
export function jsonWithCookie(
  body: unknown,
  cookies: string | string[],
  status = 200,
): Response {
  const headers = new Headers();
  for (const c of [cookies].flat()) headers.append("Set-Cookie", c);
  return Response.json(body, { status, headers });
}
