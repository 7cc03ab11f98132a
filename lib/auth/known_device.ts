// The "known device" cookie: set on every successful sign-in, it lets the same
// browser sign in to the same account again even while guesses from elsewhere
// (or from the same shared address) are being throttled.
import { generateCookie } from "hono/cookie";
import { createKnownDevice, getKnownDevice } from "../db/known_devices.ts";
import { readCookie } from "./cookies.ts";
import { createToken, hashToken } from "./tokens.ts";

/** Name of the known-device cookie. */
export const DEVICE_COOKIE = "band_device";

/** How long a browser stays known: a year. */
export const DEVICE_TTL_MS = 365 * 24 * 3_600_000;

/** Reads the known-device token from a request's cookies. */
export function readDeviceToken(req: Request): string | undefined {
  const token = readCookie(req, DEVICE_COOKIE);
  return token !== undefined && /^[A-Za-z0-9_-]{43}$/.test(token)
    ? token
    : undefined;
}

/** The id of the device behind `token` when it is known for `userId`, else undefined. */
export async function findKnownDevice(
  kv: Deno.Kv,
  options: { userId: string; token: string | undefined; now: number },
): Promise<string | undefined> {
  if (options.token === undefined) return undefined;
  const device = await getKnownDevice(
    kv,
    await hashToken(options.token),
    options.now,
  );
  return device?.userId === options.userId ? device.id : undefined;
}

/** Remembers this browser for `userId`; returns the cookie token to set. */
export async function rememberDevice(
  kv: Deno.Kv,
  userId: string,
  now: number,
): Promise<string> {
  const token = createToken();
  await createKnownDevice(kv, {
    id: await hashToken(token),
    userId,
    createdAt: now,
    expiresAt: now + DEVICE_TTL_MS,
  }, now);
  return token;
}

/** Builds the `Set-Cookie` value that stores a known-device token. */
export function buildDeviceCookie(token: string, secure: boolean): string {
  return generateCookie(DEVICE_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    maxAge: DEVICE_TTL_MS / 1000,
    secure,
  });
}
