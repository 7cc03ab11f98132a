// Helpers for the account pages, which work as plain HTML forms without scripts.
import type { z } from "zod";
import { HttpError } from "../http/errors.ts";
import { describeIssues } from "./request_body.ts";

/** Reads a urlencoded form as plain strings (at most 16 KiB). */
export async function readForm(req: Request): Promise<Record<string, string>> {
  if (Number(req.headers.get("Content-Length") ?? "0") > 16 * 1024) {
    throw new HttpError(
      413,
      "too_large",
      "Cannot read form: it is larger than 16 KiB",
    );
  }
  const form = await req.formData().catch(() => new FormData());
  const fields: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value === "string") fields[name] = value;
  }
  return fields;
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
