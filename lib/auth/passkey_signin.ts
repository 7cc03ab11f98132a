// Passkey sign-in with a discoverable credential (no username), on top of
// @simplewebauthn/server. Every failure looks the same to the client.
import {
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
  verifyAuthenticationResponse,
} from "@simplewebauthn/server";
import { getPasskey, updatePasskey } from "../db/passkeys.ts";
import { storeChallenge } from "../db/webauthn_challenges.ts";
import { getUser, type User } from "../db/users.ts";
import { HttpError } from "../http/errors.ts";
import type { RelyingParty } from "./relying_party.ts";
import {
  CHALLENGE_TTL_MS,
  takeChallengeOf,
  type WebauthnResponse,
} from "./passkeys.ts";

function signinFailed(): HttpError {
  return new HttpError(
    401,
    "bad_credentials",
    "Cannot sign in with this passkey: it is unknown here or did not verify",
  );
}

/** Sign-in options for any discoverable passkey of this server. */
export async function startPasskeySignin(
  kv: Deno.Kv,
  options: { rp: RelyingParty; now: number },
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const json = await generateAuthenticationOptions({
    rpID: options.rp.id,
    userVerification: "required",
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
      requireUserVerification: true,
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
