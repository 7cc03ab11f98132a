import TimeZoneInput from "../../islands/TimeZoneInput.tsx";
import { CredentialFields } from "../../components/account/CredentialFields.tsx";
import { type Handlers, page, type PageProps } from "../../lib/http/define.ts";
import { createAccountSchema } from "../../lib/api/account_schemas.ts";
import {
  assertInvitationUsable,
  redeemInvitation,
} from "../../lib/auth/accounts.ts";
import { clientAddressOf } from "../../lib/auth/client_address.ts";
import {
  messageOf,
  readForm,
  redirect,
  validateForm,
} from "../../lib/auth/form_pages.ts";
import { openSession } from "../../lib/auth/sign_in.ts";
import { hashToken } from "../../lib/auth/tokens.ts";
import { getUsableInvitation } from "../../lib/db/invitations.ts";

interface Data {
  usable: boolean;
  error?: string;
  username?: string;
}

/** Accept an invitation: create an account and sign in. */
export const handler: Handlers<Data> = {
  async GET(ctx) {
    const found = await getUsableInvitation(
      ctx.state.kv,
      await hashToken(ctx.params.token),
      ctx.state.now(),
    );
    return page({ usable: found !== null }, { status: found ? 200 : 404 });
  },
  async POST(ctx) {
    try {
      // An unusable token is refused before the form is read or anything is hashed.
      await assertInvitationUsable(
        ctx.state.kv,
        ctx.params.token,
        ctx.state.now(),
      );
    } catch (error) {
      const { status } = messageOf(error);
      return page({ usable: false }, { status });
    }
    const fields = await readForm(ctx.req);
    const input = validateForm(createAccountSchema, fields);
    if (!input.ok) {
      return page({
        usable: true,
        error: input.message,
        username: fields.username,
      }, { status: 400 });
    }
    try {
      const user = await redeemInvitation(
        ctx.state.kv,
        ctx.params.token,
        input.data,
        { address: clientAddressOf(ctx), now: ctx.state.now() },
      );
      const { cookies } = await openSession(ctx, user);
      return redirect("/", cookies);
    } catch (error) {
      const { status, message, headers } = messageOf(error);
      return page({
        usable: status !== 404,
        error: message,
        username: fields.username,
      }, { status, headers });
    }
  },
};

/** The invitation form. */
export default function InvitePage({ data }: PageProps<Data>) {
  if (!data?.usable) {
    return (
      <section class="card auth-card">
        <h1>Invitation not valid</h1>
        <p>
          This invitation link is unknown, already used or expired. Ask for a
          new one.
        </p>
      </section>
    );
  }
  return (
    <section class="card">
      <h1>Join Band Web</h1>
      {data.error
        ? <p class="notice notice-error" role="alert">{data.error}</p>
        : null}
      <form method="post">
        <CredentialFields username={data.username} newAccount />
        <label class="field">
          Time zone
          <TimeZoneInput name="timeZone" />
        </label>
        <button type="submit" class="button button-primary">
          Create account
        </button>
      </form>
    </section>
  );
}
