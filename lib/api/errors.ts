/** An error answer from the Band Web API, as the typed client throws it. */
export class ApiError extends Error {
  /** HTTP status of the answer. */
  readonly status: number;
  /** Stable code from the error body, e.g. `not_found`. */
  readonly code: string;
  /** Optional structured detail (validation issues). */
  readonly details?: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}
