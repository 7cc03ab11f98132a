import { type Handlers, page, type PageProps } from "../lib/http/define.ts";
import { CredentialFields } from "../components/account/CredentialFields.tsx";
import { signinSchema } from "../lib/api/account_schemas.ts";
import { authenticate } from "../lib/auth/accounts.ts";
import {
  messageOf,
  readForm,
  redirect,
  validateForm,
} from "../lib/auth/form_pages.ts";
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
        address: String(ctx.state.clientAddress ?? "unknown"),
      });
      const { cookie } = await openSession(ctx, user);
      return redirect(readReturnPath(ctx.url), cookie);
    } catch (error) {
      const { status, message } = messageOf(error);
      return page({ error: message, username: fields.username }, { status });
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
    </section>
  );
}
