// Passkeys (WebAuthn credentials), keyed by credential id for sign-in, with a
// per-person index for the Account page.
import { passkeyByUserKey, passkeyKey, passkeysByUserPrefix } from "./keys.ts";

/** A stored passkey: the public key and signature counter the server checks. */
export interface Passkey {
  /** Credential id, base64url. */
  id: string;
  userId: string;
  name: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports?: string[];
  /** Whether the authenticator says the credential is synced to other devices. */
  backedUp: boolean;
  createdAt: number;
  lastUsedAt: number | null;
}

/** Most passkeys one person may register. */
export const MAX_PASSKEYS_PER_USER = 20;

/** Stores a new passkey; false when the credential id is already registered. */
export async function createPasskey(
  kv: Deno.Kv,
  passkey: Passkey,
): Promise<boolean> {
  const res = await kv.atomic()
    .check({ key: passkeyKey(passkey.id), versionstamp: null })
    .set(passkeyKey(passkey.id), passkey)
    .set(passkeyByUserKey(passkey.userId, passkey.id), passkey.createdAt)
    .commit();
  return res.ok;
}

/** Reads a passkey by credential id. */
export async function getPasskey(
  kv: Deno.Kv,
  credentialId: string,
): Promise<Passkey | null> {
  return (await kv.get<Passkey>(passkeyKey(credentialId))).value;
}

/** Lists a person's passkeys, oldest first. */
export async function listPasskeys(
  kv: Deno.Kv,
  userId: string,
): Promise<Passkey[]> {
  const ids: string[] = [];
  for await (const entry of kv.list({ prefix: passkeysByUserPrefix(userId) })) {
    ids.push(entry.key[2] as string);
  }
  const passkeys: Passkey[] = [];
  for (let i = 0; i < ids.length; i += 10) {
    const entries = await kv.getMany<Passkey[]>(
      ids.slice(i, i + 10).map(passkeyKey),
    );
    for (const e of entries) if (e.value) passkeys.push(e.value);
  }
  return passkeys.sort((a, b) => a.createdAt - b.createdAt);
}

/** Changes one of a person's passkeys; null when it is not theirs or gone. */
export async function updatePasskey(
  kv: Deno.Kv,
  userId: string,
  credentialId: string,
  change: (passkey: Passkey) => Passkey,
): Promise<Passkey | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const entry = await kv.get<Passkey>(passkeyKey(credentialId));
    if (entry.value === null || entry.value.userId !== userId) return null;
    const next = { ...change(entry.value), id: credentialId, userId };
    const res = await kv.atomic().check(entry).set(
      passkeyKey(credentialId),
      next,
    )
      .commit();
    if (res.ok) return next;
  }
  throw new Error("Cannot update passkey: too many concurrent writes");
}

/** Deletes one of a person's passkeys; false when it is not theirs or gone. */
export async function deletePasskey(
  kv: Deno.Kv,
  userId: string,
  credentialId: string,
): Promise<boolean> {
  const entry = await kv.get<Passkey>(passkeyKey(credentialId));
  if (entry.value === null || entry.value.userId !== userId) return false;
  const res = await kv.atomic().check(entry)
    .delete(passkeyKey(credentialId))
    .delete(passkeyByUserKey(userId, credentialId))
    .commit();
  return res.ok;
}
