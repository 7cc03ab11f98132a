// KV refuses a value over 64 KiB with a TypeError (a 500 if uncaught). Records
// that grow with user input are measured with V8's serializer, the one KV uses,
// before the commit, so the answer is a clear 413 instead.
import { ValueTooLargeError } from "./errors.ts";
import { KV_LIMITS, measureValue } from "./kv_limits.ts";

/** Throws a 413 `ValueTooLargeError` when `value` would not fit in one KV value. */
export function assertFitsKvValue(value: unknown, what: string): void {
  const size = measureValue(value);
  if (size > KV_LIMITS.maxValueBytes) {
    throw new ValueTooLargeError(
      `Cannot save ${what}: it would take ${size} bytes, more than the ${KV_LIMITS.maxValueBytes} one record may hold`,
    );
  }
}
