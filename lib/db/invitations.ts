// Single-use, expiring invitations. Like sessions, they are keyed by the hash of
// their token, and accepting one creates the user in the same atomic commit.
import { invitationKey } from "./keys.ts";
import { addCreateUser, type User } from "./users.ts";

/** A stored invitation. */
export interface Invitation {
  /** SHA-256 (hex) of the token in the link. */
  id: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedBy?: string;
}

/** Stores a new invitation. */
export async function createInvitation(
  kv: Deno.Kv,
  invitation: Invitation,
): Promise<void> {
  const res = await kv.atomic()
    .check({ key: invitationKey(invitation.id), versionstamp: null })
    .set(invitationKey(invitation.id), invitation, {
      expireIn: Math.max(1, invitation.expiresAt - invitation.createdAt),
    })
    .commit();
  if (!res.ok) throw new Error("Cannot create invitation: id already exists");
}

/** Reads an invitation that is still usable at `now`, or null. */
export async function getUsableInvitation(
  kv: Deno.Kv,
  invitationId: string,
  now: number,
): Promise<Invitation | null> {
  const value = (await kv.get<Invitation>(invitationKey(invitationId))).value;
  if (value === null || value.usedBy !== undefined || value.expiresAt <= now) {
    return null;
  }
  return value;
}

/** Why an invitation could not be accepted. */
export type AcceptInvitationResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" | "taken" };

/** Creates the invited user and marks the invitation used, both or neither. */
export async function acceptInvitation(
  kv: Deno.Kv,
  invitationId: string,
  user: User,
  now: number,
): Promise<AcceptInvitationResult> {
  const entry = await kv.get<Invitation>(invitationKey(invitationId));
  const invitation = entry.value;
  if (
    invitation === null || invitation.usedBy !== undefined ||
    invitation.expiresAt <= now
  ) {
    return { ok: false, reason: "invalid" };
  }
  const atomic = kv.atomic()
    .check(entry)
    .set(invitationKey(invitationId), { ...invitation, usedBy: user.id }, {
      expireIn: Math.max(1, invitation.expiresAt - now),
    });
  const res = await addCreateUser(atomic, { ...user, role: "member" }).commit();
  if (res.ok) return { ok: true, user: { ...user, role: "member" } };
  const again = (await kv.get<Invitation>(invitationKey(invitationId))).value;
  return again?.usedBy === undefined
    ? { ok: false, reason: "taken" }
    : { ok: false, reason: "invalid" };
}
