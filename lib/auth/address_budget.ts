// Per-address budgets in fixed windows, checked before any expensive or
// abusable work (a password hash, a failed sign-in, a new account, a passkey
// ceremony). The address comes from `clientAddressOf` (lib/auth/client_address.ts).
import { addressBudgetKey } from "../db/keys.ts";
import { tooManyRequests } from "../http/errors.ts";

/** What a budget is spent on. */
export type BudgetScope =
  | "password_hash"
  | "signin_failure"
  | "signup"
  | "passkey";

/** How many units one address may spend in one window. */
export interface Budget {
  windowMs: number;
  max: number;
}

/** Default budgets per address. */
export const DEFAULT_BUDGETS: Record<BudgetScope, Budget> = {
  /** Any password hash or check: sign-in, setup, invitation, sign-up, password change. */
  password_hash: { windowMs: 10 * 60_000, max: 30 },
  /** Failed sign-ins over all accounts. */
  signin_failure: { windowMs: 15 * 60_000, max: 50 },
  /** Accounts created through open sign-up. */
  signup: { windowMs: 60 * 60_000, max: 5 },
  /** Passkey options and verifications. */
  passkey: { windowMs: 10 * 60_000, max: 60 },
};

interface Counter {
  count: number;
  windowStart: number;
}

/** The outcome of a budget check. */
export type BudgetResult =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number };

function live(c: Counter | null, now: number, budget: Budget): Counter | null {
  return c !== null && now - c.windowStart < budget.windowMs ? c : null;
}

function refusal(c: Counter, now: number, budget: Budget): BudgetResult {
  const waitMs = Math.max(1, c.windowStart + budget.windowMs - now);
  return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
}

/** Tells whether the address has budget left, without spending any. */
export async function checkBudget(
  kv: Deno.Kv,
  scope: BudgetScope,
  address: string,
  now: number,
  budget: Budget = DEFAULT_BUDGETS[scope],
): Promise<BudgetResult> {
  const c = live(
    (await kv.get<Counter>(addressBudgetKey(scope, address))).value,
    now,
    budget,
  );
  return c !== null && c.count >= budget.max
    ? refusal(c, now, budget)
    : { allowed: true };
}

/** Spends one unit when the budget allows it; under heavy contention it refuses rather than loop. */
export async function spendBudget(
  kv: Deno.Kv,
  scope: BudgetScope,
  address: string,
  now: number,
  budget: Budget = DEFAULT_BUDGETS[scope],
): Promise<BudgetResult> {
  const key = addressBudgetKey(scope, address);
  for (let attempt = 0; attempt < 20; attempt++) {
    const entry = await kv.get<Counter>(key);
    const c = live(entry.value, now, budget);
    if (c !== null && c.count >= budget.max) return refusal(c, now, budget);
    const next: Counter = c === null
      ? { count: 1, windowStart: now }
      : { count: c.count + 1, windowStart: c.windowStart };
    const res = await kv.atomic().check(entry)
      .set(key, next, { expireIn: budget.windowMs }).commit();
    if (res.ok) return { allowed: true };
  }
  return { allowed: false, retryAfterSeconds: 1 };
}

/** Spends one unit or throws 429 with `Retry-After`; `action` starts the message ("Cannot sign in"). */
export async function spendBudgetOrThrow(
  kv: Deno.Kv,
  options: { scope: BudgetScope; address: string; now: number; action: string },
): Promise<void> {
  const result = await spendBudget(
    kv,
    options.scope,
    options.address,
    options.now,
  );
  if (!result.allowed) {
    throw tooManyRequests(
      `${options.action} yet: too many attempts from your address, try again in ${
        describeWait(result.retryAfterSeconds)
      }`,
      result.retryAfterSeconds,
    );
  }
}

/** Says a wait in words: "1 second", "40 seconds", "3 minutes". */
export function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
