// Passkey ceremonies on top of @simplewebauthn/server: registration for a
// signed-in person, and sign-in with a discoverable credential (no username).
// Each set of options carries a fresh challenge kept in KV for 5 minutes and
// taken exactly once, whatever the outcome.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import {
  createPasskey,
  getPasskey,
  listPasskeys,
  MAX_PASSKEYS_PER_USER,
  type Passkey,
  updatePasskey,
} from "../db/passkeys.ts";
import { storeChallenge, takeChallenge } from "../db/webauthn_challenges.ts";
import { getUser, type User } from "../db/users.ts";
import { badRequest, conflict, HttpError } from "../http/errors.ts";
import type { RelyingParty } from "./relying_party.ts";
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

function signinFailed(): HttpError {
  return new HttpError(
    401,
    "bad_credentials",
    "Cannot sign in with this passkey: it is unknown here or did not verify",
  );
}

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

async function takeChallengeOf(
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

/** Registration options for `user`, excluding the passkeys they already have. */
export async function startPasskeyRegistration(
  kv: Deno.Kv,
  options: { user: User; rp: RelyingParty; now: number },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await listPasskeys(kv, options.user.id);
  if (existing.length >= MAX_PASSKEYS_PER_USER) {
    throw conflict(
      `Cannot add a passkey: you already have ${MAX_PASSKEYS_PER_USER}, remove one first`,
    );
  }
  const json = await generateRegistrationOptions({
    rpName: options.rp.name,
    rpID: options.rp.id,
    userName: options.user.username,
    userID: new TextEncoder().encode(options.user.id),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({
      id: p.id,
      transports: p.transports,
    })),
    authenticatorSelection: {
      residentKey: "required",
      userVerification: "preferred",
    },
  });
  await storeChallenge(kv, json.challenge, {
    purpose: "register",
    userId: options.user.id,
    expiresAt: options.now + CHALLENGE_TTL_MS,
  }, options.now);
  return json;
}

/** Verifies a registration answer and stores the passkey under `name`. */
export async function finishPasskeyRegistration(
  kv: Deno.Kv,
  options: {
    userId: string;
    name: string;
    response: WebauthnResponse;
    rp: RelyingParty;
    now: number;
  },
): Promise<Passkey> {
  const refused = badRequest(
    "Cannot add the passkey: the browser's answer did not verify, try again",
  );
  const challenge = await takeChallengeOf(kv, options.response, {
    purpose: "register",
    userId: options.userId,
    now: options.now,
  });
  if (challenge === null) throw refused;
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      // deno-lint-ignore no-explicit-any
      response: options.response as any,
      expectedChallenge: challenge,
      expectedOrigin: options.rp.origin,
      expectedRPID: options.rp.id,
      requireUserVerification: false,
    });
  } catch {
    throw refused;
  }
  if (!verified.verified) throw refused;
  const { credential, credentialBackedUp } = verified.registrationInfo;
  const passkey: Passkey = {
    id: credential.id,
    userId: options.userId,
    name: options.name,
    publicKey: credential.publicKey,
    counter: credential.counter,
    transports: credential.transports,
    backedUp: credentialBackedUp,
    createdAt: options.now,
    lastUsedAt: null,
  };
  if (!(await createPasskey(kv, passkey))) {
    throw conflict("Cannot add the passkey: it is already registered");
  }
  return passkey;
}

/** Sign-in options for any discoverable passkey of this server. */
export async function startPasskeySignin(
  kv: Deno.Kv,
  options: { rp: RelyingParty; now: number },
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const json = await generateAuthenticationOptions({
    rpID: options.rp.id,
    userVerification: "preferred",
  });
  await storeChallenge(kv, json.challenge, {
    purpose: "signin",
    expiresAt: options.now + CHALLENGE_TTL_MS,
  }, options.now);
  return json;
}

/** Verifies a sign-in answer; returns the person, or throws 401. */
export async function finishPasskeySignin(
  kv: Deno.Kv,
  options: { response: WebauthnResponse; rp: RelyingParty; now: number },
): Promise<User> {
  const challenge = await takeChallengeOf(kv, options.response, {
    purpose: "signin",
    now: options.now,
  });
  if (challenge === null) throw signinFailed();
  const passkey = await getPasskey(kv, options.response.id);
  if (passkey === null) throw signinFailed();
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      // deno-lint-ignore no-explicit-any
      response: options.response as any,
      expectedChallenge: challenge,
      expectedOrigin: options.rp.origin,
      expectedRPID: options.rp.id,
      credential: {
        id: passkey.id,
        publicKey: passkey.publicKey,
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: false,
    });
  } catch {
    throw signinFailed();
  }
  if (!verified.verified) throw signinFailed();
  await updatePasskey(kv, passkey.userId, passkey.id, (p) => ({
    ...p,
    counter: verified.authenticationInfo.newCounter,
    lastUsedAt: options.now,
  }));
  const user = await getUser(kv, passkey.userId);
  if (user === null) throw signinFailed();
  return user;
}
