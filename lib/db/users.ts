// User records with their username index. The password hash lives only here
// and in the hashing module; every other layer sees a `PublicUser`.
import { ownerKey, userByUsernameKey, userKey } from "./keys.ts";
import { RETRY, retryOnConflict } from "./retry.ts";

/** A stored account. */
export interface User {
  id: string;
  username: string;
  /** Encoded scrypt hash with its parameters and salt (see lib/auth/password.ts). */
  passwordHash: string;
  role: "owner" | "member";
  /** IANA time zone for daily summaries. */
  timeZone: string;
  createdAt: number;
}

/** An account as shown to its owner and to routes: no password hash. */
export interface PublicUser {
  id: string;
  username: string;
  role: "owner" | "member";
  timeZone: string;
  createdAt: number;
}

/** Drops the password hash from a user record. */
export function toPublicUser(user: User): PublicUser {
  const { id, username, role, timeZone, createdAt } = user;
  return { id, username, role, timeZone, createdAt };
}

/** Adds the writes (and uniqueness checks) that create a user to an atomic operation. */
export function addCreateUser(
  atomic: Deno.AtomicOperation,
  user: User,
): Deno.AtomicOperation {
  atomic
    .check({ key: userKey(user.id), versionstamp: null })
    .check({ key: userByUsernameKey(user.username), versionstamp: null })
    .set(userKey(user.id), user)
    .set(userByUsernameKey(user.username), user.id);
  if (user.role === "owner") {
    atomic.check({ key: ownerKey(), versionstamp: null }).set(
      ownerKey(),
      user.id,
    );
  }
  return atomic;
}

/** Why a user could not be created. */
export type CreateUserResult =
  | { ok: true; user: User }
  | { ok: false; reason: "taken" };

/** Creates a user; fails with `taken` when the username (or, for an owner, the owner slot) is in use. */
export async function createUser(
  kv: Deno.Kv,
  user: User,
): Promise<CreateUserResult> {
  const res = await addCreateUser(kv.atomic(), user).commit();
  return res.ok ? { ok: true, user } : { ok: false, reason: "taken" };
}

/** Tells whether the owner account exists yet. */
export async function hasOwner(kv: Deno.Kv): Promise<boolean> {
  return (await kv.get(ownerKey())).versionstamp !== null;
}

/** Reads a user by id. */
export async function getUser(
  kv: Deno.Kv,
  userId: string,
): Promise<User | null> {
  return (await kv.get<User>(userKey(userId))).value;
}

/** Reads a user by username, case-insensitively. */
export async function getUserByUsername(
  kv: Deno.Kv,
  username: string,
): Promise<User | null> {
  const index = await kv.get<string>(userByUsernameKey(username));
  return index.value === null ? null : await getUser(kv, index.value);
}

/** Applies a change to a user record, retrying with backoff when another write got there first (409 at the end). */
export async function updateUser(
  kv: Deno.Kv,
  userId: string,
  change: (user: User) => User,
): Promise<User | null> {
  return await retryOnConflict(
    async () => {
      const entry = await kv.get<User>(userKey(userId));
      if (entry.value === null) return null;
      const next = {
        ...change(entry.value),
        id: entry.value.id,
        username: entry.value.username,
      };
      const res = await kv.atomic().check(entry).set(userKey(userId), next)
        .commit();
      return res.ok ? next : RETRY;
    },
    "Cannot save account: other changes kept landing at the same time, try again",
  );
}
