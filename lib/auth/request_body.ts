// Reading and validating request input: JSON bodies read while streaming
// against a size limit, and query strings, turned into 400 and 413 errors rather than exceptions.
import type { z } from "zod";
import { JSON_MAX_BYTES } from "../http/body_limits.ts";
import { badRequest } from "../http/errors.ts";
import { readBodyBytes } from "../http/read_body.ts";

/** Default largest JSON body: 64 KiB (the API's limit in `lib/http/body_limits.ts`). */
export const DEFAULT_MAX_BODY_BYTES = JSON_MAX_BYTES;

/** Summarises zod issues as one line and a list of `{ path, message }`. */
export function describeIssues(error: z.ZodError): {
  summary: string;
  issues: { path: string; message: string }[];
} {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  const summary = issues.slice(0, 3)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  return { summary, issues };
}

/** Reads a JSON body, checks its size and validates it; throws 400 or 413 `HttpError`s. */
export async function readJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  options: { maxBytes?: number } = {},
): Promise<z.infer<S>> {
  const type = req.headers.get("Content-Type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw badRequest(
      "Cannot read request: send a JSON body with Content-Type application/json",
    );
  }
  const bytes = await readBodyBytes(
    req,
    options.maxBytes ?? DEFAULT_MAX_BODY_BYTES,
  );
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw badRequest("Cannot read request: body is not valid JSON");
  }
  return validate(schema, json);
}

/** Validates query-string parameters; throws a 400 `HttpError`. */
export function readQuery<S extends z.ZodType>(
  url: URL,
  schema: S,
): z.infer<S> {
  return validate(schema, Object.fromEntries(url.searchParams));
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const { summary, issues } = describeIssues(result.error);
    throw badRequest(`Cannot read request: ${summary}`, { issues });
  }
  return result.data;
}
