// Whether an error means the server is out of reach (no network, server down,
// or a proxy answering for a server that is not there), as opposed to the
// server answering "no". Only the first kind sends a change or a sync offline.
import { ApiError } from "../api/errors.ts";

/** True for a failed fetch or a 502/503/504 from the proxy in front. */
export function isOutOfReach(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 ||
    (error.status >= 502 && error.status <= 504);
}

/**
 * True when the server refused the content itself (400, 409, 413, 422):
 * sending the same again cannot succeed, unlike being signed out or
 * throttled, which a later try may pass.
 */
export function isRefusedContent(error: unknown): boolean {
  return error instanceof ApiError &&
    [400, 409, 413, 422].includes(error.status);
}

/** Something that needs the server, asked while it is out of reach and the band is not kept offline. */
export class OutOfReachError extends Error {
  /** What could not be done ("Cannot sync: the server is out of reach"). */
  readonly title: string;
  /** What the person can do. */
  readonly action: string;

  constructor(what: string, action: string) {
    const title = `Cannot ${what}: the server is out of reach`;
    super(`${title}; ${action}`);
    this.name = "OutOfReachError";
    this.title = title;
    this.action = action;
  }
}
