// Passkey registration for a signed-in person, on top of @simplewebauthn/server.
// The options carry a fresh challenge kept in KV for 5 minutes and taken once.
import {
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import {
  createPasskey,
  listPasskeys,
  MAX_PASSKEYS_PER_USER,
  type Passkey,
} from "../db/passkeys.ts";
import { storeChallenge } from "../db/webauthn_challenges.ts";
import type { User } from "../db/users.ts";
import { badRequest, conflict } from "../http/errors.ts";
import type { RelyingParty } from "./relying_party.ts";
import {
  CHALLENGE_TTL_MS,
  takeChallengeOf,
  type WebauthnResponse,
} from "./passkeys.ts";

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
      userVerification: "required",
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
      requireUserVerification: true,
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
