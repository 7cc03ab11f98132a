import { type Handlers, page, type PageProps } from "../lib/http/define.ts";
import { CredentialFields } from "../components/account/CredentialFields.tsx";
import PasskeySignIn from "../islands/PasskeySignIn.tsx";
import { signinSchema } from "../lib/api/account_schemas.ts";
import { authenticate } from "../lib/auth/accounts.ts";
import {
  messageOf,
  readForm,
  redirect,
  validateForm,
} from "../lib/auth/form_pages.ts";
import { clientAddressOf } from "../lib/auth/client_address.ts";
import { readDeviceToken } from "../lib/auth/known_device.ts";
import { openSession } from "../lib/auth/sign_in.ts";
import { hasOwner } from "../lib/db/users.ts";

/** The page to return to after signing in: a path on this site only, never another origin. */
export function readReturnPath(url: URL): string {
  const next = url.searchParams.get("next") ?? "";
  return /^\/(?![/\\])[\w\-./#%?=&]*$/.test(next) ? next : "/";
}

interface Data {
  error?: string;
  username?: string;
}

/** Sign in with a username and password. */
export const handler: Handlers<Data> = {
  async GET(ctx) {
    if (!(await hasOwner(ctx.state.kv))) return redirect("/setup");
    if (ctx.state.user) return redirect(readReturnPath(ctx.url));
    return page({});
  },
  async POST(ctx) {
    const fields = await readForm(ctx.req);
    const input = validateForm(signinSchema, {
      username: fields.username ?? "",
      password: fields.password ?? "",
    });
    if (!input.ok) {
      return page({ error: input.message, username: fields.username }, {
        status: 400,
      });
    }
    try {
      const user = await authenticate(ctx.state.kv, {
        ...input.data,
        address: clientAddressOf(ctx),
        deviceToken: readDeviceToken(ctx.req),
        now: ctx.state.now(),
      });
      const { cookies } = await openSession(ctx, user);
      return redirect(readReturnPath(ctx.url), cookies);
    } catch (error) {
      const { status, message, headers } = messageOf(error);
      return page({ error: message, username: fields.username }, {
        status,
        headers,
      });
    }
  },
};

/** The sign-in form. */
export default function SigninPage({ data }: PageProps<Data>) {
  return (
    <section class="card auth-card">
      <h1>Sign in</h1>
      {data?.error
        ? <p class="notice notice-error" role="alert">{data.error}</p>
        : null}
      <form method="post">
        <CredentialFields username={data?.username} newAccount={false} />
        <button type="submit" class="button button-primary">Sign in</button>
      </form>
      <PasskeySignIn />
    </section>
  );
}
