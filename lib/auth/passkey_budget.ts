// Anonymous passkey ceremonies spend the address's passkey budget (each set of
// options writes a challenge), except from a known device, so the owner's own
// browser is never kept out by someone else's traffic from the same address.
import type { RouteContext } from "../http/define.ts";
import { getKnownDevice } from "../db/known_devices.ts";
import { spendBudgetOrThrow } from "./address_budget.ts";
import { clientAddressOf } from "./client_address.ts";
import { readDeviceToken } from "./known_device.ts";
import { hashToken } from "./tokens.ts";

/** Spends one unit of the passkey budget, unless the browser is a known device; throws 429. */
export async function spendPasskeyBudget(
  ctx: RouteContext,
  now: number,
): Promise<void> {
  const token = readDeviceToken(ctx.req);
  if (
    token !== undefined &&
    await getKnownDevice(ctx.state.kv, await hashToken(token), now) !== null
  ) return;
  await spendBudgetOrThrow(ctx.state.kv, {
    scope: "passkey",
    address: clientAddressOf(ctx),
    now,
    action: "Cannot sign in with a passkey",
  });
}
