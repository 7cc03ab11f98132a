// Request bodies and answers of the credential endpoints: API tokens and passkeys.
import { z } from "zod";

/** A label a person gives a token or passkey: 1–64 printable characters. */
export const credentialNameSchema = z.string().trim().min(1, "Give it a name")
  .max(64, "Use at most 64 characters")
  // deno-lint-ignore no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, "Use no control characters");

/** Body of `POST /api/me/tokens`. */
export const createApiTokenSchema = z.object({ name: credentialNameSchema })
  .strict();

/** An API token as listed: never the token itself. */
export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** Answer of `POST /api/me/tokens`: the token, shown this once. */
export interface CreatedApiToken extends ApiTokenView {
  token: string;
}

/** Body of `PATCH /api/passkeys/:id`. */
export const renamePasskeySchema = z.object({ name: credentialNameSchema })
  .strict();

/** A registration or authentication response from the browser (checked by the WebAuthn library). */
const webauthnResponseSchema = z.object({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal("public-key"),
  response: z.record(z.string(), z.unknown()),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(32).optional(),
}).passthrough();

/** Body of `POST /api/passkeys`: the browser's registration response and a name. */
export const registerPasskeySchema = z.object({
  name: credentialNameSchema,
  response: webauthnResponseSchema,
}).strict();

/** Body of `POST /api/passkeys/signin`. */
export const passkeySigninSchema = z.object({
  response: webauthnResponseSchema,
}).strict();

/** A passkey as listed. */
export interface PasskeyView {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}
