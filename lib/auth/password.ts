// Password hashing with scrypt (memory-hard, in node:crypto on Deno and Deno
// Deploy). Stored form: `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`, so the cost
// can rise later without breaking existing hashes.
import { scrypt, timingSafeEqual } from "node:crypto";

/** scrypt cost parameters. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Default cost: 16 MiB of memory per hash. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 16384, r: 8, p: 1 };

const KEY_LENGTH = 32;

function deriveKey(
  password: string,
  salt: Uint8Array,
  params: ScryptParams,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFC"),
      salt,
      KEY_LENGTH,
      {
        N: params.N,
        r: params.r,
        p: params.p,
        maxmem: 256 * params.N * params.r,
      },
      (error, key) => error ? reject(error) : resolve(new Uint8Array(key)),
    );
  });
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** Hashes a password with a fresh 16-byte salt (pass `salt` only to fix it in tests). */
export async function hashPassword(
  password: string,
  options: { salt?: Uint8Array; params?: ScryptParams } = {},
): Promise<string> {
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(16));
  const params = options.params ?? DEFAULT_SCRYPT_PARAMS;
  const key = await deriveKey(password, salt, params);
  return ["scrypt", params.N, params.r, params.p, toBase64(salt), toBase64(key)]
    .join("$");
}

/** Checks a password against a stored hash in constant time; false for a malformed hash. */
export async function verifyPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  let salt: Uint8Array, expected: Uint8Array;
  try {
    salt = fromBase64(parts[4]);
    expected = fromBase64(parts[5]);
  } catch {
    return false;
  }
  const actual = await deriveKey(password, salt, { N, r, p });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password, to verify against when the account does not exist (same timing). */
export const DUMMY_PASSWORD_HASH =
  "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
