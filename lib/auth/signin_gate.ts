// The checks every password sign-in passes before any hash: the per-place
// throttle, then (for a browser not known to this account) the per-address
// hashing budget.
import { describeWait, spendBudget } from "./address_budget.ts";
import { checkSigninAllowed, type SigninAttempt } from "./rate_limit.ts";
import { tooManyRequests } from "../http/errors.ts";

/** Throws 429 with `Retry-After` when this attempt must wait; spends hashing budget otherwise. */
export async function throttleSignin(
  kv: Deno.Kv,
  attempt: SigninAttempt,
): Promise<void> {
  const allowed = await checkSigninAllowed(kv, attempt);
  if (!allowed.allowed) {
    throw tooManyRequests(
      `Cannot sign in yet: too many failed attempts, try again in ${
        describeWait(allowed.retryAfterSeconds)
      }`,
      allowed.retryAfterSeconds,
    );
  }
  if (attempt.deviceId !== undefined) return;
  const budget = await spendBudget(
    kv,
    "password_hash",
    attempt.address,
    attempt.now,
  );
  if (!budget.allowed) {
    throw tooManyRequests(
      `Cannot sign in yet: too many attempts from your address, try again in ${
        describeWait(budget.retryAfterSeconds)
      }`,
      budget.retryAfterSeconds,
    );
  }
}
