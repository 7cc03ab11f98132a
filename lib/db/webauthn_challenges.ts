// Pending WebAuthn challenges: stored when options are handed out, taken (and
// deleted) exactly once when the browser's answer comes back, and expired.
import { webauthnChallengeKey } from "./keys.ts";

/** What a challenge was issued for. */
export interface WebauthnChallenge {
  purpose: "register" | "signin";
  /** The person registering; absent for sign-in. */
  userId?: string;
  expiresAt: number;
}

/** Stores a challenge until `expiresAt`. */
export async function storeChallenge(
  kv: Deno.Kv,
  challenge: string,
  record: WebauthnChallenge,
  now: number,
): Promise<void> {
  const res = await kv.atomic()
    .check({ key: webauthnChallengeKey(challenge), versionstamp: null })
    .set(webauthnChallengeKey(challenge), record, {
      expireIn: Math.max(1, record.expiresAt - now),
    })
    .commit();
  if (!res.ok) throw new Error("Cannot store challenge: it already exists");
}

/** Takes a live challenge out of the store: returns it once, then null forever. */
export async function takeChallenge(
  kv: Deno.Kv,
  challenge: string,
  now: number,
): Promise<WebauthnChallenge | null> {
  const entry = await kv.get<WebauthnChallenge>(
    webauthnChallengeKey(challenge),
  );
  if (entry.value === null) return null;
  const res = await kv.atomic().check(entry)
    .delete(webauthnChallengeKey(challenge)).commit();
  if (!res.ok) return null;
  return entry.value.expiresAt > now ? entry.value : null;
}
