// Account operations shared by the JSON API and the account pages.
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  verifyPassword,
} from "./password.ts";
import {
  checkSigninAllowed,
  clearSigninFailures,
  recordSigninFailure,
} from "./rate_limit.ts";
import { createUser, getUserByUsername, type User } from "../db/users.ts";
import { acceptInvitation } from "../db/invitations.ts";
import {
  conflict,
  HttpError,
  notFound,
  tooManyRequests,
} from "../http/errors.ts";
import { hashToken } from "./tokens.ts";

/** What a new account needs. */
export interface NewAccount {
  username: string;
  password: string;
  timeZone: string;
}

async function buildUser(
  input: NewAccount,
  role: User["role"],
  now: number,
): Promise<User> {
  return {
    id: crypto.randomUUID(),
    username: input.username,
    passwordHash: await hashPassword(input.password),
    role,
    timeZone: input.timeZone,
    createdAt: now,
  };
}

/** Creates the owner account at `now` (epoch ms); 409 once any owner exists or the name is taken. */
export async function createOwner(
  kv: Deno.Kv,
  input: NewAccount,
  now: number,
): Promise<User> {
  const result = await createUser(kv, await buildUser(input, "owner", now));
  if (!result.ok) {
    throw conflict(
      "Cannot create the owner account: this server already has one",
    );
  }
  return result.user;
}

/** Creates a member account at `now` without an invitation (only when open sign-up is on). */
export async function createMember(
  kv: Deno.Kv,
  input: NewAccount,
  now: number,
): Promise<User> {
  const result = await createUser(kv, await buildUser(input, "member", now));
  if (!result.ok) {
    throw conflict("Cannot create account: the username is taken");
  }
  return result.user;
}

/** Creates a member at `now` through an invitation token; 404 for a used, expired or unknown one. */
export async function redeemInvitation(
  kv: Deno.Kv,
  token: string,
  input: NewAccount,
  now: number,
): Promise<User> {
  const result = await acceptInvitation(
    kv,
    await hashToken(token),
    await buildUser(input, "member", now),
    now,
  );
  if (result.ok) return result.user;
  if (result.reason === "taken") {
    throw conflict("Cannot create account: the username is taken");
  }
  throw notFound("Cannot use invitation: it is unknown, used or expired");
}

/** Checks credentials under the rate limits at `now` (epoch ms); throws 401 or 429. */
export async function authenticate(
  kv: Deno.Kv,
  credentials: { username: string; password: string; address: string },
  now: number,
): Promise<User> {
  const attempt = {
    username: credentials.username,
    address: credentials.address,
    now,
  };
  const allowed = await checkSigninAllowed(kv, attempt);
  if (!allowed.allowed) {
    throw tooManyRequests(
      `Cannot sign in yet: too many failed attempts, try again in ${
        Math.ceil(allowed.retryAfterSeconds / 60)
      } minutes`,
      allowed.retryAfterSeconds,
    );
  }
  const user = await getUserByUsername(kv, credentials.username);
  // Hash even for unknown names so timing does not reveal which accounts exist.
  const ok = await verifyPassword(
    credentials.password,
    user?.passwordHash ?? DUMMY_PASSWORD_HASH,
  );
  if (user === null || !ok) {
    await recordSigninFailure(kv, attempt);
    throw new HttpError(
      401,
      "bad_credentials",
      "Cannot sign in: wrong username or password",
    );
  }
  await clearSigninFailures(kv, credentials.username);
  return user;
}
