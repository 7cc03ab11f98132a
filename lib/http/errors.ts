/** An error a handler throws to answer with a status and a stable code. */
export class HttpError extends Error {
  /** HTTP status code. */
  readonly status: number;
  /** Stable machine-readable code, e.g. `not_found`. */
  readonly code: string;
  /** Optional structured detail for API clients (e.g. validation issues). */
  readonly details?: unknown;
  /** Extra response headers (e.g. `Allow`, `Retry-After`). */
  readonly headers?: HeadersInit;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { details?: unknown; headers?: HeadersInit; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }
}

/** 400: the request is malformed. */
export function badRequest(message: string, details?: unknown): HttpError {
  return new HttpError(400, "bad_request", message, { details });
}

/** 401: the request needs a signed-in person. */
export function unauthorized(message = "Sign in to continue"): HttpError {
  return new HttpError(401, "unauthorized", message);
}

/** 403: signed in, but not allowed. */
export function forbidden(message: string): HttpError {
  return new HttpError(403, "forbidden", message);
}

/** 404: nothing here, or nothing this person may see. */
export function notFound(message = "Not found"): HttpError {
  return new HttpError(404, "not_found", message);
}

/** 409: the request conflicts with stored state. */
export function conflict(message: string): HttpError {
  return new HttpError(409, "conflict", message);
}

/** 429: too many attempts; `retryAfterSeconds` goes into `Retry-After`. */
export function tooManyRequests(
  message: string,
  retryAfterSeconds: number,
): HttpError {
  return new HttpError(429, "rate_limited", message, {
    headers: { "Retry-After": String(Math.ceil(retryAfterSeconds)) },
  });
}
