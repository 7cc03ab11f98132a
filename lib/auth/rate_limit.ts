// Sign-in throttling: slow guessing down, never lock the owner out. Failures
// against one account are counted per place they come from: an address, or a
// known device (a browser that signed in to this account before). Each place
// gets a few free tries, then an exponentially growing wait before its next
// try. Failures from one address over all accounts also spend a separate
// per-address budget. A known device is judged only by its own failures, so
// neither an attacker's guesses nor a shared proxy address can keep it out.
import { signinFailuresKey } from "../db/keys.ts";
import {
  type Budget,
  checkBudget,
  DEFAULT_BUDGETS,
  spendBudget,
} from "./address_budget.ts";

/** How the per-place delay grows. */
export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** Delay after the first failure past the free ones; it doubles each time. */
  baseDelayMs: number;
  /** Longest delay. */
  maxDelayMs: number;
  /** Failures are forgotten after this long without another. */
  forgetAfterMs: number;
  /** Budget of failures per address over all accounts. */
  addressBudget: Budget;
}

/** Default: 3 free tries, then 1 s, 2 s, 4 s … up to 15 minutes; forgotten after a day. */
export const DEFAULT_THROTTLE: ThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 3_600_000,
  addressBudget: DEFAULT_BUDGETS.signin_failure,
};

interface Failures {
  count: number;
  lastAt: number;
}

/** Who is signing in, from where, and when; `deviceId` is set only for a known device of this account. */
export interface SigninAttempt {
  username: string;
  address: string;
  deviceId?: string;
  now: number;
}

/** The outcome of a throttle check. */
export type ThrottleResult =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number };

function placeKey(attempt: SigninAttempt) {
  return attempt.deviceId === undefined
    ? signinFailuresKey(attempt.username, "address", attempt.address)
    : signinFailuresKey(attempt.username, "device", attempt.deviceId);
}

/** The wait after `count` failures from one place. */
export function delayAfterFailures(
  count: number,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): number {
  if (count < policy.freeFailures) return 0;
  const doublings = Math.min(count - policy.freeFailures, 30);
  return Math.min(policy.baseDelayMs * 2 ** doublings, policy.maxDelayMs);
}

/** Tells whether a sign-in may be tried now, or how many seconds to wait. */
export async function checkSigninAllowed(
  kv: Deno.Kv,
  attempt: SigninAttempt,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<ThrottleResult> {
  const failures = (await kv.get<Failures>(placeKey(attempt))).value;
  if (failures !== null) {
    const readyAt = failures.lastAt +
      delayAfterFailures(failures.count, policy);
    if (readyAt > attempt.now) {
      return {
        allowed: false,
        retryAfterSeconds: Math.ceil((readyAt - attempt.now) / 1000),
      };
    }
  }
  if (attempt.deviceId !== undefined) return { allowed: true };
  return await checkBudget(
    kv,
    "signin_failure",
    attempt.address,
    attempt.now,
    policy.addressBudget,
  );
}

/** Counts one failed sign-in against its place (and, from an address, the address budget). */
export async function recordSigninFailure(
  kv: Deno.Kv,
  attempt: SigninAttempt,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<void> {
  const key = placeKey(attempt);
  for (let i = 0; i < 10; i++) {
    const entry = await kv.get<Failures>(key);
    const c = entry.value;
    const next: Failures =
      c === null || attempt.now - c.lastAt >= policy.forgetAfterMs
        ? { count: 1, lastAt: attempt.now }
        : { count: c.count + 1, lastAt: Math.max(c.lastAt, attempt.now) };
    const res = await kv.atomic().check(entry)
      .set(key, next, { expireIn: policy.forgetAfterMs }).commit();
    if (res.ok) break;
  }
  if (attempt.deviceId === undefined) {
    await spendBudget(
      kv,
      "signin_failure",
      attempt.address,
      attempt.now,
      policy.addressBudget,
    );
  }
}

/** Forgets the failures of one place after a successful sign-in from it. */
export async function clearSigninFailures(
  kv: Deno.Kv,
  attempt: Omit<SigninAttempt, "now">,
): Promise<void> {
  await kv.delete(placeKey({ ...attempt, now: 0 }));
}
