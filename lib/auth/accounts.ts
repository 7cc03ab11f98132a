// Account operations shared by the JSON API and the account pages. Every one
// refuses what it can before hashing (setup already done, an unusable
// invitation, a taken name, a spent budget), then hashes through the one gate.
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  verifyPassword,
} from "./password.ts";
import { passwordGate } from "./hash_gate.ts";
import { spendBudgetOrThrow } from "./address_budget.ts";
import { throttleSignin } from "./signin_gate.ts";
import { clearSigninFailures, recordSigninFailure } from "./rate_limit.ts";
import {
  createUser,
  getUser,
  getUserByUsername,
  hasOwner,
  updateUser,
  type User,
} from "../db/users.ts";
import { acceptInvitation, getUsableInvitation } from "../db/invitations.ts";
import { deleteSessionsOfUser } from "../db/sessions.ts";
import { forgetKnownDevicesOfUser } from "../db/known_devices.ts";
import {
  conflict,
  forbidden,
  HttpError,
  notFound,
  unauthorized,
} from "../http/errors.ts";
import { findKnownDevice } from "./known_device.ts";
import { hashToken } from "./tokens.ts";

/** What a new account needs. */
export interface NewAccount {
  username: string;
  password: string;
  timeZone: string;
}

/** Where a request comes from and when, for budgets and throttles. */
export interface RequestOrigin {
  address: string;
  now: number;
}

const SETUP_DONE =
  "Cannot create the owner account: this server already has one";
const INVITATION_UNUSABLE =
  "Cannot use invitation: it is unknown, used or expired";
const NAME_TAKEN = "Cannot create account: the username is taken";

async function buildUser(
  input: NewAccount,
  role: User["role"],
  now: number,
): Promise<User> {
  return {
    id: crypto.randomUUID(),
    username: input.username,
    passwordHash: await passwordGate.run(() => hashPassword(input.password)),
    role,
    timeZone: input.timeZone,
    createdAt: now,
  };
}

function spendHashBudget(kv: Deno.Kv, from: RequestOrigin, action: string) {
  return spendBudgetOrThrow(kv, {
    scope: "password_hash",
    address: from.address,
    now: from.now,
    action,
  });
}

/** Refuses setup once the owner exists, before reading or hashing anything. */
export async function assertSetupOpen(kv: Deno.Kv): Promise<void> {
  if (await hasOwner(kv)) throw conflict(SETUP_DONE);
}

/** Refuses an unknown, used or expired invitation token with 404, before hashing anything. */
export async function assertInvitationUsable(
  kv: Deno.Kv,
  token: string,
  now: number,
): Promise<void> {
  const found = await getUsableInvitation(kv, await hashToken(token), now);
  if (found === null) throw notFound(INVITATION_UNUSABLE);
}

/** Creates the owner account; 409 once any owner exists or the name is taken. */
export async function createOwner(
  kv: Deno.Kv,
  input: NewAccount,
  from: RequestOrigin,
): Promise<User> {
  await assertSetupOpen(kv);
  await spendHashBudget(kv, from, "Cannot create the owner account");
  const result = await createUser(
    kv,
    await buildUser(input, "owner", from.now),
  );
  if (!result.ok) throw conflict(SETUP_DONE);
  return result.user;
}

/** Creates a member account without an invitation (only when open sign-up is on); sign-ups are budgeted per address. */
export async function createMember(
  kv: Deno.Kv,
  input: NewAccount,
  from: RequestOrigin,
): Promise<User> {
  await spendBudgetOrThrow(kv, {
    scope: "signup",
    address: from.address,
    now: from.now,
    action: "Cannot sign up",
  });
  if (await getUserByUsername(kv, input.username)) throw conflict(NAME_TAKEN);
  await spendHashBudget(kv, from, "Cannot sign up");
  const result = await createUser(
    kv,
    await buildUser(input, "member", from.now),
  );
  if (!result.ok) throw conflict(NAME_TAKEN);
  return result.user;
}

/** Creates a member through an invitation token; 404 for a used, expired or unknown one. */
export async function redeemInvitation(
  kv: Deno.Kv,
  token: string,
  input: NewAccount,
  from: RequestOrigin,
): Promise<User> {
  await assertInvitationUsable(kv, token, from.now);
  if (await getUserByUsername(kv, input.username)) throw conflict(NAME_TAKEN);
  await spendHashBudget(kv, from, "Cannot create account");
  const result = await acceptInvitation(
    kv,
    await hashToken(token),
    await buildUser(input, "member", from.now),
    from.now,
  );
  if (result.ok) return result.user;
  if (result.reason === "taken") throw conflict(NAME_TAKEN);
  throw notFound(INVITATION_UNUSABLE);
}

/** What a sign-in needs: credentials, where it comes from, and the browser's known-device token. */
export interface Credentials extends RequestOrigin {
  username: string;
  password: string;
  deviceToken?: string;
}

/** Checks credentials under the throttle; throws 401, 429 or 503. */
export async function authenticate(
  kv: Deno.Kv,
  credentials: Credentials,
): Promise<User> {
  const user = await getUserByUsername(kv, credentials.username);
  const deviceId = user === null ? undefined : await findKnownDevice(kv, {
    userId: user.id,
    token: credentials.deviceToken,
    now: credentials.now,
  });
  const attempt = {
    username: credentials.username,
    address: credentials.address,
    deviceId,
    now: credentials.now,
  };
  await throttleSignin(kv, attempt);
  // Hash even for unknown names so timing does not reveal which accounts exist.
  const ok = await passwordGate.run(
    () =>
      verifyPassword(
        credentials.password,
        user?.passwordHash ?? DUMMY_PASSWORD_HASH,
      ),
    // A known device goes first, so a flood cannot keep its owner out.
    { priority: deviceId !== undefined },
  );
  if (user === null || !ok) {
    await recordSigninFailure(kv, attempt);
    throw new HttpError(
      401,
      "bad_credentials",
      "Cannot sign in: wrong username or password",
    );
  }
  await clearSigninFailures(kv, attempt);
  return user;
}

/** Changes a password after checking the current one; ends the person's other sessions (returns how many) and forgets their other known browsers. */
export async function changePassword(
  kv: Deno.Kv,
  change: RequestOrigin & {
    userId: string;
    keepSessionId?: string;
    /** The known-device cookie of the browser the change comes from: it stays known. */
    deviceToken?: string;
    currentPassword: string;
    newPassword: string;
  },
): Promise<number> {
  const user = await getUser(kv, change.userId);
  if (user === null) throw unauthorized();
  await spendHashBudget(kv, change, "Cannot change password");
  const ok = await passwordGate.run(() =>
    verifyPassword(change.currentPassword, user.passwordHash)
  );
  if (!ok) {
    throw forbidden("Cannot change password: the current password is wrong");
  }
  const passwordHash = await passwordGate.run(() =>
    hashPassword(change.newPassword)
  );
  await updateUser(kv, change.userId, (u) => ({ ...u, passwordHash }));
  // Other browsers lose their sessions and their exemption from throttling:
  // a password changed after a leak leaves nothing behind for the leaker.
  const keepDeviceId = await findKnownDevice(kv, {
    userId: change.userId,
    token: change.deviceToken,
    now: change.now,
  });
  await forgetKnownDevicesOfUser(kv, change.userId, keepDeviceId);
  return await deleteSessionsOfUser(kv, change.userId, change.keepSessionId);
}
