// Deleting one's own account, shared by `DELETE /api/me` and the Account page:
// the password is checked again, then the account and everything it owns go.
import { deleteAccount } from "../db/purge.ts";
import { getUser } from "../db/users.ts";
import { conflict, forbidden, unauthorized } from "../http/errors.ts";
import { verifyPassword } from "./password.ts";

/** Deletes the account after checking its password; throws 401, 403 or 409 `HttpError`s. */
export async function confirmAccountDeletion(
  kv: Deno.Kv,
  userId: string,
  password: string,
): Promise<void> {
  const user = await getUser(kv, userId);
  if (user === null) throw unauthorized();
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw forbidden("Cannot delete account: the password is wrong");
  }
  const result = await deleteAccount(kv, userId, { now: Date.now() });
  if (result.ok) return;
  if (result.reason === "owner_has_members") {
    throw conflict(
      "Cannot delete account: the owner's account goes last, after every member has deleted theirs",
    );
  }
  throw unauthorized();
}
