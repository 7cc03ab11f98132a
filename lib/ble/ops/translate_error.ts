// Codec errors (RangeError for a wrong length, ProtocolError for a wrong meaning) become
// "protocol" BleErrors at the I/O boundary, so callers only ever handle BleError.

import { AuthError, ProtocolError } from "../../protocol/errors.ts";
import { BleError } from "../errors.ts";

/** Runs a parse step and rethrows codec errors as BleErrors with the same message. */
export function translateProtocolError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw toBleError(err);
  }
}

/** Converts a codec error to a BleError; anything else is returned unchanged. */
export function toBleError(err: unknown): unknown {
  if (err instanceof BleError) return err;
  if (err instanceof AuthError) {
    return new BleError(
      err.status === 0x08 ? "wrong_key" : "auth_failed",
      err.message,
      {
        cause: err,
      },
    );
  }
  if (err instanceof ProtocolError || err instanceof RangeError) {
    return new BleError("protocol", err.message, { cause: err });
  }
  return err;
}
