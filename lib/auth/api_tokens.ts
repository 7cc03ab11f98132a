// Read-only personal API tokens: issued shown-once, sent as
// `Authorization: Bearer`, allowed only to read the JSON API of the person's
// own bands. They never change anything, never read a band's auth key, never
// manage credentials, and are not accepted on HTML pages.
import {
  type ApiToken,
  createApiToken,
  getApiToken,
  listApiTokens,
  MAX_API_TOKENS_PER_USER,
  touchApiToken,
} from "../db/api_tokens.ts";
import { getUser, type User } from "../db/users.ts";
import { conflict } from "../http/errors.ts";
import { createToken, hashToken } from "./tokens.ts";

/** Every token starts with this, so leaked ones are easy to spot and scan for. */
export const API_TOKEN_PREFIX = "bwt_";

const TOKEN_PATTERN = /^bwt_[A-Za-z0-9_-]{43}$/;
const READ_METHODS = new Set(["GET", "HEAD"]);

/** Issues a token for `userId`; returns the token (shown once) and its stored record. */
export async function issueApiToken(
  kv: Deno.Kv,
  options: { userId: string; name: string; now: number },
): Promise<{ token: string; record: ApiToken }> {
  const existing = await listApiTokens(kv, options.userId);
  if (existing.length >= MAX_API_TOKENS_PER_USER) {
    throw conflict(
      `Cannot create API token: you already have ${MAX_API_TOKENS_PER_USER}, revoke one first`,
    );
  }
  const token = API_TOKEN_PREFIX + createToken();
  const record: ApiToken = {
    id: await hashToken(token),
    userId: options.userId,
    name: options.name,
    createdAt: options.now,
    lastUsedAt: null,
  };
  await createApiToken(kv, record);
  return { token, record };
}

/** The bearer token of a request: absent (or another scheme), malformed, or the token text. */
export function readBearerToken(
  req: Request,
): { kind: "none" } | { kind: "malformed" } | { kind: "token"; token: string } {
  const header = req.headers.get("Authorization");
  // Other schemes (a proxy's Basic auth) are not ours to judge.
  if (header === null || !/^bearer\b/i.test(header)) return { kind: "none" };
  const match = /^Bearer +(\S+)$/i.exec(header.trim());
  if (match === null || !TOKEN_PATTERN.test(match[1])) {
    return { kind: "malformed" };
  }
  return { kind: "token", token: match[1] };
}

/** Finds the token and its person, recording the use; null when unknown or revoked. */
export async function authenticateApiToken(
  kv: Deno.Kv,
  token: string,
  now: number,
): Promise<{ record: ApiToken; user: User } | null> {
  const record = await getApiToken(kv, await hashToken(token));
  if (record === null) return null;
  const user = await getUser(kv, record.userId);
  if (user === null) return null;
  await touchApiToken(kv, record, now);
  return { record, user };
}

function normalisePath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // Undecodable paths are checked as they are; the router will 404 them.
  }
  return path.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1").toLowerCase();
}

/** Why a token may not make this request, or null when it may (a read of the JSON API). */
export function refusalForApiToken(
  method: string,
  pathname: string,
): string | null {
  const path = normalisePath(pathname);
  if (path !== "/api" && !path.startsWith("/api/")) {
    return "Cannot use an API token here: tokens only read the JSON API under /api/";
  }
  if (!READ_METHODS.has(method)) {
    return "Cannot use an API token to change anything: tokens are read-only";
  }
  if (/^\/api\/bands\/[^/]+\/key$/.test(path)) {
    return "Cannot use an API token to read a band's auth key: sign in instead";
  }
  if (/^\/api\/(me\/tokens|passkeys)(\/|$)/.test(path)) {
    return "Cannot use an API token to manage sign-in credentials: sign in instead";
  }
  return null;
}
