// Failed sign-in counters per account and per client address, in fixed windows.
// Only failures count, so a person who types the password right is never slowed.
import { signinAttemptsKey } from "../db/keys.ts";

/** Limits on failed sign-ins. */
export interface SigninLimits {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

/** Default limits: 5 failures per account and 20 per address in 15 minutes. */
export const DEFAULT_SIGNIN_LIMITS: SigninLimits = {
  windowMs: 15 * 60_000,
  perAccount: 5,
  perAddress: 20,
};

interface Counter {
  count: number;
  windowStart: number;
}

/** Who is signing in, and when. */
export interface SigninAttempt {
  username: string;
  address: string;
  now: number;
}

function subjects(attempt: SigninAttempt, limits: SigninLimits) {
  return [
    {
      key: signinAttemptsKey("account", attempt.username.toLowerCase()),
      max: limits.perAccount,
    },
    {
      key: signinAttemptsKey("address", attempt.address),
      max: limits.perAddress,
    },
  ];
}

/** Tells whether a sign-in may be tried now, or how many seconds to wait. */
export async function checkSigninAllowed(
  kv: Deno.Kv,
  attempt: SigninAttempt,
  limits: SigninLimits = DEFAULT_SIGNIN_LIMITS,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const list = subjects(attempt, limits);
  const entries = await kv.getMany<Counter[]>(list.map((s) => s.key));
  let waitMs = 0;
  entries.forEach((entry, i) => {
    const c = entry.value;
    if (c === null || attempt.now - c.windowStart >= limits.windowMs) return;
    if (c.count >= list[i].max) {
      waitMs = Math.max(waitMs, c.windowStart + limits.windowMs - attempt.now);
    }
  });
  return waitMs > 0
    ? { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) }
    : { allowed: true };
}

/** Counts one failed sign-in against both the account and the address. */
export async function recordSigninFailure(
  kv: Deno.Kv,
  attempt: SigninAttempt,
  limits: SigninLimits = DEFAULT_SIGNIN_LIMITS,
): Promise<void> {
  for (const { key } of subjects(attempt, limits)) {
    for (let i = 0; i < 10; i++) {
      const entry = await kv.get<Counter>(key);
      const c = entry.value;
      const next: Counter =
        c === null || attempt.now - c.windowStart >= limits.windowMs
          ? { count: 1, windowStart: attempt.now }
          : { count: c.count + 1, windowStart: c.windowStart };
      const res = await kv.atomic().check(entry)
        .set(key, next, { expireIn: limits.windowMs }).commit();
      if (res.ok) break;
    }
  }
}

/** Forgets an account's failures after a successful sign-in. */
export async function clearSigninFailures(
  kv: Deno.Kv,
  username: string,
): Promise<void> {
  await kv.delete(signinAttemptsKey("account", username.toLowerCase()));
}
