// Errors the storage layer throws when a write cannot be done. They are
// `HttpError`s carrying their meaning (409, 410, 413), so every surface that
// calls `lib/db` answers a clear 4xx without its own mapping, never a 500.
import { HttpError } from "../http/errors.ts";

/** 409: other writes to the same record kept winning; the caller may try again. */
export class WriteConflictError extends HttpError {
  constructor(message: string) {
    super(409, "conflict", message, { headers: { "Retry-After": "1" } });
    this.name = "WriteConflictError";
  }
}

/** 410: the band (or account) was deleted while the request was under way. */
export class GoneError extends HttpError {
  constructor(message: string) {
    super(410, "gone", message);
    this.name = "GoneError";
  }
}

/** 413: the record would exceed what one KV value may hold. */
export class ValueTooLargeError extends HttpError {
  constructor(message: string) {
    super(413, "too_large", message);
    this.name = "ValueTooLargeError";
  }
}
