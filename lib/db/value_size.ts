// KV refuses a value over 64 KiB with a TypeError (a 500 if uncaught). Records
// that grow with user input are measured with V8's serializer, the one KV uses,
// before the commit, so the answer is a clear 413 instead.
import { serialize } from "node:v8";
import { ValueTooLargeError } from "./errors.ts";

/** Largest value one KV key holds, in bytes. */
export const KV_MAX_VALUE_BYTES = 65_536;

/** Bytes a value takes once serialized for KV. */
export function measureKvValue(value: unknown): number {
  return serialize(value).byteLength;
}

/** Throws a 413 `ValueTooLargeError` when `value` would not fit in one KV value. */
export function assertFitsKvValue(value: unknown, what: string): void {
  const size = measureKvValue(value);
  if (size > KV_MAX_VALUE_BYTES) {
    throw new ValueTooLargeError(
      `Cannot save ${what}: it would take ${size} bytes, more than the ${KV_MAX_VALUE_BYTES} one record may hold`,
    );
  }
}
