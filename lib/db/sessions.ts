// Session records. KV's `expireIn` is lazy (expired keys stay readable for a
// while), so every read compares the stored expiry with "now" as well.
import { sessionByUserKey, sessionKey, sessionsByUserPrefix } from "./keys.ts";

/** A stored session; `id` is the SHA-256 (hex) of the cookie token, never the token. */
export interface Session {
  id: string;
  userId: string;
  /** Token the browser echoes in `X-CSRF-Token` on state-changing API calls. */
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

/** Stores a new session with its per-user index entry. */
export async function createSession(
  kv: Deno.Kv,
  session: Session,
  now: number,
): Promise<void> {
  const expireIn = Math.max(1, session.expiresAt - now);
  const res = await kv.atomic()
    .check({ key: sessionKey(session.id), versionstamp: null })
    .set(sessionKey(session.id), session, { expireIn })
    .set(sessionByUserKey(session.userId, session.id), session.expiresAt, {
      expireIn,
    })
    .commit();
  if (!res.ok) {
    throw new Error("Cannot create session: session id already exists");
  }
}

/** Reads a session that has not expired at `now`; an expired one is deleted and reads as null. */
export async function getSession(
  kv: Deno.Kv,
  sessionId: string,
  now: number,
): Promise<Session | null> {
  const session = (await kv.get<Session>(sessionKey(sessionId))).value;
  if (session === null) return null;
  if (session.expiresAt <= now) {
    await deleteSession(kv, session);
    return null;
  }
  return session;
}

/** Ends one session. */
export async function deleteSession(
  kv: Deno.Kv,
  session: Pick<Session, "id" | "userId">,
): Promise<void> {
  await kv.atomic()
    .delete(sessionKey(session.id))
    .delete(sessionByUserKey(session.userId, session.id))
    .commit();
}

/** Ends every session of a user except `keepSessionId`; returns how many ended. */
export async function deleteSessionsOfUser(
  kv: Deno.Kv,
  userId: string,
  keepSessionId?: string,
): Promise<number> {
  let ended = 0;
  for await (const entry of kv.list({ prefix: sessionsByUserPrefix(userId) })) {
    const sessionId = entry.key[2] as string;
    if (sessionId === keepSessionId) continue;
    await deleteSession(kv, { id: sessionId, userId });
    ended++;
  }
  return ended;
}
