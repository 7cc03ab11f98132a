// The largest request body each route accepts, in one table: the router
// refuses a larger body while it streams in (Hono's `bodyLimit`), before any
// handler, session lookup or password hash runs, and the body readers use the
// same numbers.
import { bodyLimit } from "hono/body-limit";
import type { MiddlewareHandler } from "hono";
import { MAX_UPLOAD_BYTES } from "../api/sample_schemas.ts";
import { GADGETBRIDGE_MAX_BYTES } from "../api/gadgetbridge_schemas.ts";
import { TAKEOUT_MAX_BYTES } from "../api/takeout_schemas.ts";
import { bodyTooLarge } from "./read_body.ts";

/** Largest HTML form post (sign-in, setup, invitations, account, sign-out, add band): 16 KiB. */
export const FORM_MAX_BYTES = 16 * 1024;

/** Largest JSON body for the API unless a route says otherwise: 64 KiB. */
export const JSON_MAX_BYTES = 64 * 1024;

/** Routes with their own limit, by route pattern. */
const ROUTE_LIMITS: Record<string, number> = {
  "/api/bands/:id/samples": MAX_UPLOAD_BYTES,
  // A Gadgetbridge database or ZIP backup, spooled to a temp file (512 MiB).
  "/api/bands/:id/imports/gadgetbridge": GADGETBRIDGE_MAX_BYTES,
  // A takeout ZIP, spooled to a temp file (512 MiB).
  "/api/me/restore": TAKEOUT_MAX_BYTES,
};

/** The body limit of a route pattern: its own, 64 KiB for the API, 16 KiB for pages. */
export function findBodyLimit(pattern: string): number {
  return ROUTE_LIMITS[pattern] ??
    (pattern === "/api" || pattern.startsWith("/api/")
      ? JSON_MAX_BYTES
      : FORM_MAX_BYTES);
}

/**
 * Refuses a body over the route's limit with 413 while it streams in. The
 * answer closes the connection, so the rest of an oversized upload is never read.
 */
export function limitBody(pattern: string): MiddlewareHandler {
  const maxSize = findBodyLimit(pattern);
  return bodyLimit({
    maxSize,
    onError: () => {
      const error = bodyTooLarge(maxSize);
      return Response.json(
        { error: { code: error.code, message: error.message } },
        { status: 413, headers: { Connection: "close" } },
      );
    },
  });
}
