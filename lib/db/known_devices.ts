// Browsers that signed in before: the cookie holds a random token, KV holds its
// hash with the account it belongs to. A known device is never throttled by
// other places' failures (see lib/auth/rate_limit.ts).
import {
  knownDeviceByUserKey,
  knownDeviceKey,
  knownDevicesByUserPrefix,
} from "./keys.ts";

/** A stored known device; `id` is the SHA-256 (hex) of the cookie token. */
export interface KnownDevice {
  id: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
}

/** Stores a known device until its expiry. */
export async function createKnownDevice(
  kv: Deno.Kv,
  device: KnownDevice,
  now: number,
): Promise<void> {
  const expireIn = Math.max(1, device.expiresAt - now);
  const res = await kv.atomic()
    .check({ key: knownDeviceKey(device.id), versionstamp: null })
    .set(knownDeviceKey(device.id), device, { expireIn })
    .set(knownDeviceByUserKey(device.userId, device.id), device.createdAt, {
      expireIn,
    })
    .commit();
  if (!res.ok) throw new Error("Cannot remember device: id already exists");
}

/** Reads a known device that has not expired at `now`, or null. */
export async function getKnownDevice(
  kv: Deno.Kv,
  deviceId: string,
  now: number,
): Promise<KnownDevice | null> {
  const device = (await kv.get<KnownDevice>(knownDeviceKey(deviceId))).value;
  return device === null || device.expiresAt <= now ? null : device;
}

/** Forgets every known device of a person but `keepDeviceId` (after a password change); returns how many. */
export async function forgetKnownDevicesOfUser(
  kv: Deno.Kv,
  userId: string,
  keepDeviceId?: string,
): Promise<number> {
  let forgotten = 0;
  for await (
    const entry of kv.list({ prefix: knownDevicesByUserPrefix(userId) })
  ) {
    const deviceId = entry.key[2] as string;
    if (deviceId === keepDeviceId) continue;
    await kv.atomic()
      .delete(knownDeviceKey(deviceId))
      .delete(knownDeviceByUserKey(userId, deviceId))
      .commit();
    forgotten++;
  }
  return forgotten;
}
