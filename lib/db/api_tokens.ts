// Personal API tokens: read-only bearer tokens for scripts and dashboards.
// Like sessions they are stored under the SHA-256 of the token, so a copy of
// the store holds no usable token.
import {
  apiTokenByUserKey,
  apiTokenKey,
  apiTokensByUserPrefix,
} from "./keys.ts";

/** A stored API token; `id` is the SHA-256 (hex) of the token, never the token. */
export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: number;
  /** Last request made with it (written at most once a minute), or null. */
  lastUsedAt: number | null;
}

/** Most tokens one person may hold. */
export const MAX_API_TOKENS_PER_USER = 20;

/** How often the last use is written at most. */
export const LAST_USE_WRITE_INTERVAL_MS = 60_000;

/** Stores a new token with its per-user index entry. */
export async function createApiToken(
  kv: Deno.Kv,
  token: ApiToken,
): Promise<void> {
  const res = await kv.atomic()
    .check({ key: apiTokenKey(token.id), versionstamp: null })
    .set(apiTokenKey(token.id), token)
    .set(apiTokenByUserKey(token.userId, token.id), token.createdAt)
    .commit();
  if (!res.ok) throw new Error("Cannot create API token: id already exists");
}

/** Reads a token by id. */
export async function getApiToken(
  kv: Deno.Kv,
  tokenId: string,
): Promise<ApiToken | null> {
  return (await kv.get<ApiToken>(apiTokenKey(tokenId))).value;
}

/** Lists a person's tokens, oldest first. */
export async function listApiTokens(
  kv: Deno.Kv,
  userId: string,
): Promise<ApiToken[]> {
  const ids: string[] = [];
  for await (
    const entry of kv.list({ prefix: apiTokensByUserPrefix(userId) })
  ) {
    ids.push(entry.key[2] as string);
  }
  const tokens: ApiToken[] = [];
  // getMany takes at most 10 keys.
  for (let i = 0; i < ids.length; i += 10) {
    const entries = await kv.getMany<ApiToken[]>(
      ids.slice(i, i + 10).map(apiTokenKey),
    );
    for (const e of entries) if (e.value) tokens.push(e.value);
  }
  return tokens.sort((a, b) => a.createdAt - b.createdAt);
}

/** Deletes one of a person's tokens; false when it is not theirs or gone. */
export async function deleteApiToken(
  kv: Deno.Kv,
  userId: string,
  tokenId: string,
): Promise<boolean> {
  const entry = await kv.get<ApiToken>(apiTokenKey(tokenId));
  if (entry.value === null || entry.value.userId !== userId) return false;
  const res = await kv.atomic().check(entry)
    .delete(apiTokenKey(tokenId))
    .delete(apiTokenByUserKey(userId, tokenId))
    .commit();
  return res.ok;
}

/** Records a use at `now`, writing only when the stored last use is a minute old or more. */
export async function touchApiToken(
  kv: Deno.Kv,
  token: ApiToken,
  now: number,
): Promise<void> {
  if (
    token.lastUsedAt !== null &&
    now - token.lastUsedAt < LAST_USE_WRITE_INTERVAL_MS
  ) return;
  const entry = await kv.get<ApiToken>(apiTokenKey(token.id));
  if (entry.value === null) return;
  // A lost race means another request just wrote a last use: nothing to do.
  await kv.atomic().check(entry)
    .set(apiTokenKey(token.id), { ...entry.value, lastUsedAt: now })
    .commit();
}
