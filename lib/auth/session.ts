// Session cookies: a random token in the cookie, its hash as the KV key, and an
// expiry checked on every read.
import { generateCookie } from "hono/cookie";
import { readCookie } from "./cookies.ts";
import { createSession, getSession, type Session } from "../db/sessions.ts";
import { getUser, type User } from "../db/users.ts";
import { createToken, hashToken } from "./tokens.ts";

/** Name of the session cookie. */
export const SESSION_COOKIE = "band_session";

/** How long a session lasts: 30 days. */
export const SESSION_TTL_MS = 30 * 24 * 3_600_000;

/** Starts a session for a user; returns the cookie token and the stored session. */
export async function startSession(
  kv: Deno.Kv,
  userId: string,
  options: { now: number; random?: (bytes: Uint8Array) => Uint8Array },
): Promise<{ token: string; session: Session }> {
  const token = createToken(options.random);
  const session: Session = {
    id: await hashToken(token),
    userId,
    csrfToken: createToken(options.random),
    createdAt: options.now,
    expiresAt: options.now + SESSION_TTL_MS,
  };
  await createSession(kv, session, options.now);
  return { token, session };
}

/** Loads the live session and its user for a cookie token, or null. */
export async function loadSession(
  kv: Deno.Kv,
  token: string,
  now: number,
): Promise<{ session: Session; user: User } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const session = await getSession(kv, await hashToken(token), now);
  if (session === null) return null;
  const user = await getUser(kv, session.userId);
  return user === null ? null : { session, user };
}

/** Reads the session token from a request's cookies. */
export function readSessionToken(req: Request): string | undefined {
  return readCookie(req, SESSION_COOKIE);
}

const COOKIE_OPTIONS = {
  path: "/",
  httpOnly: true,
  sameSite: "Lax",
} as const;

/** Builds the `Set-Cookie` value that stores a session token. */
export function buildSessionCookie(token: string, secure: boolean): string {
  return generateCookie(SESSION_COOKIE, token, {
    ...COOKIE_OPTIONS,
    maxAge: SESSION_TTL_MS / 1000,
    secure,
  });
}

/** Builds the `Set-Cookie` value that removes the session cookie. */
export function buildClearedSessionCookie(secure: boolean): string {
  return generateCookie(SESSION_COOKIE, "", {
    ...COOKIE_OPTIONS,
    maxAge: 0,
    secure,
  });
}

/** Decides whether cookies get `Secure`, from the configuration and the request's scheme. */
export function isSecureCookie(
  setting: "auto" | "always" | "never",
  url: URL,
): boolean {
  return setting === "always" ||
    (setting === "auto" && url.protocol === "https:");
}
