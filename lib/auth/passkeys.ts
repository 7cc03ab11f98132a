// Shared pieces of the passkey ceremonies (lib/auth/passkey_registration.ts,
// lib/auth/passkey_signin.ts): the answer's type, its signed challenge, which
// is taken from KV exactly once, and the view the API lists.
import type { Passkey } from "../db/passkeys.ts";
import { takeChallenge } from "../db/webauthn_challenges.ts";
import type { PasskeyView } from "../api/credential_schemas.ts";

/** A passkey as the API shows it: no key material. */
export function toPasskeyView(p: Passkey): PasskeyView {
  return {
    id: p.id,
    name: p.name,
    createdAt: p.createdAt,
    lastUsedAt: p.lastUsedAt,
  };
}

/** How long options stay usable. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

/** A browser's WebAuthn answer, as @simplewebauthn/browser returns it (validated loosely by zod, fully by the library). */
export type WebauthnResponse = {
  id: string;
  rawId: string;
  type: "public-key";
  response: Record<string, unknown>;
  clientExtensionResults: Record<string, unknown>;
  authenticatorAttachment?: string;
};

/** Reads the challenge the browser signed, from `clientDataJSON`; null when unreadable. */
export function readSignedChallenge(response: WebauthnResponse): string | null {
  const data = response.response.clientDataJSON;
  if (typeof data !== "string" || data.length > 4096) return null;
  try {
    const base64 = data.replaceAll("-", "+").replaceAll("_", "/");
    const json = JSON.parse(
      atob(base64 + "=".repeat((4 - base64.length % 4) % 4)),
    );
    return typeof json?.challenge === "string" ? json.challenge : null;
  } catch {
    return null;
  }
}

/** Takes the stored challenge the answer signed, when it was issued for this purpose and person; null otherwise. */
export async function takeChallengeOf(
  kv: Deno.Kv,
  response: WebauthnResponse,
  expected: { purpose: "register" | "signin"; userId?: string; now: number },
): Promise<string | null> {
  const challenge = readSignedChallenge(response);
  if (challenge === null) return null;
  const stored = await takeChallenge(kv, challenge, expected.now);
  return stored !== null && stored.purpose === expected.purpose &&
      stored.userId === expected.userId
    ? challenge
    : null;
}
