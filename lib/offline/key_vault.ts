// The band's auth key at rest in this browser: encrypted with AES-GCM under a
// key generated here as non-extractable, so script (ours or injected) can use
// it to decrypt but never read the wrapping key out, and a copy of the stored
// record alone is not the auth key.
import type { WrappedKey } from "./offline_db.ts";

/** Encrypts an auth key (32 hex digits) under a fresh non-extractable key. */
export async function wrapAuthKey(authKeyHex: string): Promise<WrappedKey> {
  const wrappingKey = await crypto.subtle.generateKey(
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv },
    wrappingKey,
    new TextEncoder().encode(authKeyHex),
  );
  return { wrappingKey, iv, data };
}

/** Decrypts a wrapped auth key back to its 32 hex digits. */
export async function unwrapAuthKey(wrapped: WrappedKey): Promise<string> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: wrapped.iv as Uint8Array<ArrayBuffer> },
      wrapped.wrappingKey,
      wrapped.data,
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new Error(
      "Cannot use the band offline: its saved key is damaged; turn offline use off and on again while online",
    );
  }
}
