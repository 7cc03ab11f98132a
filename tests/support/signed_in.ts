// A signed-in person for browser and route tests: an account and a live session
// in the test app's KV, made through the accounts code the sign-in page uses.
import { createOwner } from "../../lib/auth/accounts.ts";
import { SESSION_COOKIE, startSession } from "../../lib/auth/session.ts";

/** The account, its session cookie and CSRF token. */
export interface SignedIn {
  userId: string;
  username: string;
  /** The session token (the cookie's value). */
  token: string;
  /** The session's CSRF token, for `X-CSRF-Token` on API calls. */
  csrfToken: string;
  /** A playwright cookie for `context.addCookies([cookie])`. */
  cookie: { name: string; value: string; url: string };
  /** `Cookie` header value, for `app.request()`. */
  cookieHeader: string;
}

/** Creates the owner account and a session; `origin` is the served app's origin. */
export async function signIn(
  kv: Deno.Kv,
  origin: string,
  options: { username?: string; timeZone?: string; now?: number } = {},
): Promise<SignedIn> {
  const username = options.username ?? "ada";
  const now = options.now ?? Date.now();
  const user = await createOwner(kv, {
    username,
    password: "correct horse battery staple",
    timeZone: options.timeZone ?? "UTC",
  }, { address: "local", now });
  const { token, session } = await startSession(kv, user.id, { now });
  return {
    userId: user.id,
    username,
    token,
    csrfToken: session.csrfToken,
    cookie: { name: SESSION_COOKIE, value: token, url: origin },
    cookieHeader: `${SESSION_COOKIE}=${token}`,
  };
}
