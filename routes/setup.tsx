import TimeZoneInput from "../islands/TimeZoneInput.tsx";
import { CredentialFields } from "../components/account/CredentialFields.tsx";
import { type Handlers, page, type PageProps } from "../lib/http/define.ts";
import { createAccountSchema } from "../lib/api/account_schemas.ts";
import { createOwner } from "../lib/auth/accounts.ts";
import { clientAddressOf } from "../lib/auth/client_address.ts";
import {
  messageOf,
  readForm,
  redirect,
  validateForm,
} from "../lib/auth/form_pages.ts";
import { openSession } from "../lib/auth/sign_in.ts";
import { hasOwner } from "../lib/db/users.ts";

interface Data {
  error?: string;
  username?: string;
}

/** First run: create the owner account (only while the server has none). */
export const handler: Handlers<Data> = {
  async GET(ctx) {
    if (await hasOwner(ctx.state.kv)) return redirect("/signin");
    return page({});
  },
  async POST(ctx) {
    // Refused before the form is read or anything is hashed.
    if (await hasOwner(ctx.state.kv)) return redirect("/signin");
    const fields = await readForm(ctx.req);
    const input = validateForm(createAccountSchema, fields);
    if (!input.ok) {
      return page({ error: input.message, username: fields.username }, {
        status: 400,
      });
    }
    try {
      const user = await createOwner(ctx.state.kv, input.data, {
        address: clientAddressOf(ctx),
        now: ctx.state.now(),
      });
      const { cookies } = await openSession(ctx, user);
      return redirect("/", cookies);
    } catch (error) {
      const { status, message, headers } = messageOf(error);
      return page({ error: message, username: fields.username }, {
        status,
        headers,
      });
    }
  },
};

/** The setup form. */
export default function SetupPage({ data }: PageProps<Data>) {
  return (
    <section class="card auth-card">
      <h1>Welcome to Band Web</h1>
      <p class="lede">
        Create the owner account for this server. You can invite others
        afterwards.
      </p>
      {data?.error
        ? <p class="notice notice-error" role="alert">{data.error}</p>
        : null}
      <form method="post">
        <CredentialFields username={data?.username} newAccount />
        <label class="field">
          Time zone
          <TimeZoneInput name="timeZone" />
          <span class="field-hint">
            An IANA name such as Europe/Berlin; you can change it later.
          </span>
        </label>
        <button type="submit" class="button button-primary">
          Create owner account
        </button>
      </form>
    </section>
  );
}
