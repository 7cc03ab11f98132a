// The band's MAC address and auth key as people type them: one pattern each,
// shared by the server's zod schemas (band_schemas.ts) and the add-band form,
// which checks them in the browser without shipping zod.

/** A Bluetooth MAC address, `AA:BB:CC:DD:EE:FF` (either case). */
export const MAC_PATTERN = /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/;

/** The band's 16-byte auth key as 32 lowercase hex digits. */
export const AUTH_KEY_PATTERN = /^[0-9a-f]{32}$/;

/** Upper-cases a MAC address, or gives undefined when it is not one. */
export function normalizeMac(text: string): string | undefined {
  return MAC_PATTERN.test(text) ? text.toUpperCase() : undefined;
}

/** Drops an optional `0x` and lower-cases the digits (not yet checked). */
export function stripAuthKey(text: string): string {
  return text.replace(/^0x/i, "").toLowerCase();
}

/** Normalizes an auth key to 32 lowercase hex digits, or gives undefined when it is not one. */
export function normalizeAuthKey(text: string): string | undefined {
  const key = stripAuthKey(text);
  return AUTH_KEY_PATTERN.test(key) ? key : undefined;
}
