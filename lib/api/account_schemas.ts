// Request bodies and answers of the account endpoints.
import { z } from "zod";
import { isValidTimeZone } from "../time/zones.ts";

/** A username: 3–32 letters, digits, dots, dashes or underscores. */
export const usernameSchema = z.string().regex(
  /^[A-Za-z0-9._-]{3,32}$/,
  "Use 3 to 32 letters, digits, dots, dashes or underscores",
);

/** A new password: 10 to 200 characters. */
export const passwordSchema = z.string().min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

/** An IANA time zone name the runtime knows. */
export const timeZoneSchema = z.string().max(64).refine(isValidTimeZone, {
  message: "Unknown time zone",
});

/** Body of `POST /api/setup` and `POST /api/invitations/:token/accept`. */
export const createAccountSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  timeZone: timeZoneSchema.default("UTC"),
}).strict();

/** Body of `POST /api/session`. */
export const signinSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
}).strict();

/** Body of `PATCH /api/me`. */
export const updateMeSchema = z.object({ timeZone: timeZoneSchema }).strict();

/** Body of `POST /api/me/password`. */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
}).strict();

/** Body of `DELETE /api/me`: the password again, so a left-open session cannot erase the account. */
export const deleteAccountSchema = z.object({
  password: z.string().min(1).max(200),
}).strict();

/** Body of `POST /api/invitations`. */
export const createInvitationSchema = z.object({
  expiresInHours: z.number().int().min(1).max(24 * 30).default(72),
}).strict();

/** A signed-in person as the API shows them. */
export interface UserView {
  id: string;
  username: string;
  role: "owner" | "member";
  timeZone: string;
  createdAt: number;
}

/** Answer of the endpoints that sign a person in or describe them. */
export interface MeResponse {
  user: UserView;
  /** Token to send as `X-CSRF-Token` on state-changing requests. */
  csrfToken: string;
}

/** Answer of `POST /api/invitations`. */
export interface InvitationResponse {
  /** The single-use token; the link is `/invite/<token>`. */
  token: string;
  path: string;
  expiresAt: number;
}
