// Helpers for the account pages, which work as plain HTML forms without scripts.
import type { z } from "zod";
import { FORM_MAX_BYTES } from "../http/body_limits.ts";
import { HttpError } from "../http/errors.ts";
import { readUrlEncodedForm } from "../http/read_body.ts";
import { describeIssues } from "./request_body.ts";

/** Reads a urlencoded form as plain strings, streaming against the 16 KiB form limit. */
export function readForm(req: Request): Promise<Record<string, string>> {
  return readUrlEncodedForm(req, FORM_MAX_BYTES);
}

/** Validates form fields; returns the data or a one-line message for the page. */
export function validateForm<S extends z.ZodType>(
  schema: S,
  fields: Record<string, unknown>,
): { ok: true; data: z.infer<S> } | { ok: false; message: string } {
  const result = schema.safeParse(fields);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, message: describeIssues(result.error).summary };
}

/** Answers a form post with a redirect (303), optionally setting cookies. */
export function redirect(
  location: string,
  cookies: string | string[] = [],
): Response {
  const headers = new Headers({ Location: location });
  for (const c of [cookies].flat()) headers.append("Set-Cookie", c);
  return new Response(null, { status: 303, headers });
}

/** The status, message and headers (`Retry-After`) of an `HttpError`, or rethrows anything else. */
export function messageOf(
  error: unknown,
): { status: number; message: string; headers?: HeadersInit } {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      message: error.message,
      headers: error.headers,
    };
  }
  throw error;
}
