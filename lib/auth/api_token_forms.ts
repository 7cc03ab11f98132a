// The Account page's API token forms (create, revoke), as plain HTML posts.
import { createApiTokenSchema } from "../api/credential_schemas.ts";
import { deleteApiToken, listApiTokens } from "../db/api_tokens.ts";
import { issueApiToken } from "./api_tokens.ts";
import { messageOf, validateForm } from "./form_pages.ts";

/** What the page shows after a token form. */
export interface TokenFormResult {
  status: number;
  notice?: string;
  error?: string;
  newToken?: string;
}

/** Lists a person's tokens for the page. */
export async function listTokenRows(kv: Deno.Kv, userId: string) {
  return (await listApiTokens(kv, userId)).map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
  }));
}

/** Handles `token_create` and `token_revoke` posts of the Account page. */
export async function handleTokenForm(
  kv: Deno.Kv,
  options: { userId: string; fields: Record<string, string>; now: number },
): Promise<TokenFormResult> {
  const { fields, userId } = options;
  if (fields.action === "token_create") {
    const input = validateForm(createApiTokenSchema, { name: fields.name });
    if (!input.ok) return { status: 400, error: input.message };
    try {
      const { token } = await issueApiToken(kv, {
        userId,
        name: input.data.name,
        now: options.now,
      });
      return { status: 200, newToken: token };
    } catch (error) {
      const { status, message } = messageOf(error);
      return { status, error: message };
    }
  }
  const deleted = /^[0-9a-f]{64}$/.test(fields.id ?? "") &&
    await deleteApiToken(kv, userId, fields.id);
  return deleted ? { status: 200, notice: "API token revoked" } : {
    status: 404,
    error: "Cannot revoke API token: it is already gone",
  };
}
