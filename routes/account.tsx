import CopyButton from "../islands/CopyButton.tsx";
import { InvitationLink } from "../components/account/InvitationLink.tsx";
import { type Handlers, page, type PageProps } from "../lib/http/define.ts";
import {
  changePasswordSchema,
  updateMeSchema,
} from "../lib/api/account_schemas.ts";
import {
  messageOf,
  readForm,
  redirect,
  validateForm,
} from "../lib/auth/form_pages.ts";
import { changePassword } from "../lib/auth/accounts.ts";
import { clientAddressOf } from "../lib/auth/client_address.ts";
import { confirmAccountDeletion } from "../lib/auth/delete_account.ts";
import { closeSession } from "../lib/auth/sign_in.ts";
import { createToken, hashToken } from "../lib/auth/tokens.ts";
import { createInvitation } from "../lib/db/invitations.ts";
import { getUser } from "../lib/db/users.ts";
import { changeTimeZone } from "../lib/db/summary_rebuild.ts";
import type { RouteContext } from "../lib/http/define.ts";
import { handleTokenForm, listTokenRows } from "../lib/auth/api_token_forms.ts";
import { ApiTokensSection } from "../components/account/ApiTokensSection.tsx";
import { TakeoutSection } from "../components/account/TakeoutSection.tsx";
import RestoreArchive from "../islands/RestoreArchive.tsx";
import type { CredentialRow } from "../components/account/CredentialList.tsx";
import PasskeyManager from "../islands/PasskeyManager.tsx";
import { toPasskeyView } from "../lib/auth/passkeys.ts";
import { listPasskeys } from "../lib/db/passkeys.ts";
import { readDeviceToken } from "../lib/auth/known_device.ts";

interface Data {
  username: string;
  role: "owner" | "member";
  timeZone: string;
  csrfToken: string;
  notice?: string;
  error?: string;
  invitePath?: string;
  tokens?: CredentialRow[];
  passkeys?: CredentialRow[];
  newToken?: string;
}

async function load(ctx: RouteContext, extra: Partial<Data> = {}) {
  const user = await getUser(ctx.state.kv, ctx.state.user!.id);
  return {
    username: user!.username,
    role: user!.role,
    timeZone: user!.timeZone,
    csrfToken: ctx.state.session?.csrfToken ?? "",
    tokens: await listTokenRows(ctx.state.kv, ctx.state.user!.id),
    passkeys: (await listPasskeys(ctx.state.kv, ctx.state.user!.id)).map(
      toPasskeyView,
    ),
    ...extra,
  };
}

/** The signed-in person's account: time zone, password, credentials, takeout, invitations, deletion. */
export const handler: Handlers<Data> = {
  async GET(ctx) {
    if (!ctx.state.user) return redirect("/signin");
    return page(await load(ctx));
  },
  async POST(ctx) {
    if (!ctx.state.user) return redirect("/signin");
    const me = ctx.state.user;
    const fields = await readForm(ctx.req);
    if (fields.csrf !== ctx.state.session?.csrfToken) {
      return page(
        await load(ctx, {
          error: "Cannot save: the form is stale, reload the page",
        }),
        { status: 403 },
      );
    }
    if (fields.action === "timezone") {
      const input = validateForm(updateMeSchema, { timeZone: fields.timeZone });
      if (!input.ok) {
        return page(await load(ctx, { error: input.message }), { status: 400 });
      }
      await changeTimeZone(ctx.state.kv, me.id, input.data.timeZone);
      return page(await load(ctx, { notice: "Time zone saved" }));
    }
    if (fields.action === "password") {
      const input = validateForm(changePasswordSchema, {
        currentPassword: fields.currentPassword,
        newPassword: fields.newPassword,
      });
      if (!input.ok) {
        return page(await load(ctx, { error: input.message }), { status: 400 });
      }
      try {
        await changePassword(ctx.state.kv, {
          ...input.data,
          userId: me.id,
          keepSessionId: ctx.state.session?.id,
          deviceToken: readDeviceToken(ctx.req),
          address: clientAddressOf(ctx),
          now: ctx.state.now(),
        });
      } catch (error) {
        const { status, message, headers } = messageOf(error);
        return page(await load(ctx, { error: message }), {
          status,
          headers,
        });
      }
      return page(
        await load(ctx, {
          notice: "Password changed; your other sessions were signed out",
        }),
      );
    }
    if (fields.action === "token_create" || fields.action === "token_revoke") {
      const { status, ...extra } = await handleTokenForm(ctx.state.kv, {
        userId: me.id,
        fields,
        now: ctx.state.now(),
      });
      return page(await load(ctx, extra), { status });
    }
    if (fields.action === "invite" && me.role === "owner") {
      const token = createToken();
      const now = ctx.state.now();
      await createInvitation(ctx.state.kv, {
        id: await hashToken(token),
        createdBy: me.id,
        createdAt: now,
        expiresAt: now + 72 * 3_600_000,
      });
      return page(await load(ctx, { invitePath: `/invite/${token}` }));
    }
    if (fields.action === "delete") {
      try {
        await confirmAccountDeletion(
          ctx.state.kv,
          me.id,
          fields.password ?? "",
        );
      } catch (error) {
        const { status, message } = messageOf(error);
        return page(await load(ctx, { error: message }), { status });
      }
      return redirect("/", await closeSession(ctx));
    }
    return page(await load(ctx, { error: "Cannot save: unknown action" }), {
      status: 400,
    });
  },
};

/** The account page. */
export default function AccountPage({ data, url }: PageProps<Data>) {
  return (
    <>
      <div class="page-heading">
        <h1>Account</h1>
      </div>
      {data.notice
        ? <p class="notice notice-ok" role="status">{data.notice}</p>
        : null}
      {data.error
        ? <p class="notice notice-error" role="alert">{data.error}</p>
        : null}
      {data.invitePath
        ? (
          <InvitationLink href={new URL(data.invitePath, url).href}>
            <CopyButton
              text={new URL(data.invitePath, url).href}
              fieldId="invitation-url"
            />
          </InvitationLink>
        )
        : null}
      <section class="card">
        <h2>{data.username}</h2>
        <form method="post">
          <input type="hidden" name="csrf" value={data.csrfToken} />
          <input type="hidden" name="action" value="timezone" />
          <label class="field">
            Time zone for daily summaries
            <input name="timeZone" value={data.timeZone} required />
          </label>
          <button type="submit" class="button">Save time zone</button>
        </form>
      </section>
      <section class="card">
        <h2>Change password</h2>
        <form method="post">
          <input type="hidden" name="csrf" value={data.csrfToken} />
          <input type="hidden" name="action" value="password" />
          <label class="field">
            Current password
            <input
              name="currentPassword"
              type="password"
              required
              autocomplete="current-password"
            />
          </label>
          <label class="field">
            New password
            <input
              name="newPassword"
              type="password"
              required
              minLength={10}
              autocomplete="new-password"
            />
          </label>
          <button type="submit" class="button">Change password</button>
        </form>
      </section>
      <section class="card">
        <h2>Passkeys</h2>
        <PasskeyManager
          passkeys={data.passkeys ?? []}
          timeZone={data.timeZone}
          csrfToken={data.csrfToken}
        />
      </section>
      <ApiTokensSection
        tokens={data.tokens ?? []}
        newToken={data.newToken}
        timeZone={data.timeZone}
        csrfToken={data.csrfToken}
      />
      <TakeoutSection>
        <RestoreArchive csrfToken={data.csrfToken} />
      </TakeoutSection>
      {data.role === "owner"
        ? (
          <section class="card">
            <h2>Invite someone</h2>
            <p class="field-hint">
              A single-use link, valid 72 hours, appears at the top of this
              page.
            </p>
            <form method="post">
              <input type="hidden" name="csrf" value={data.csrfToken} />
              <input type="hidden" name="action" value="invite" />
              <button type="submit" class="button">
                Create invitation link
              </button>
            </form>
          </section>
        )
        : null}
      <section class="card" id="delete-account">
        <h2>Delete my account</h2>
        <p>
          Removes your account, every band and all of its history from this
          server. This cannot be undone.
        </p>
        <form method="post">
          <input type="hidden" name="csrf" value={data.csrfToken} />
          <input type="hidden" name="action" value="delete" />
          <label class="field">
            Your password, to confirm
            <input
              name="password"
              type="password"
              required
              autocomplete="current-password"
            />
          </label>
          <button type="submit" class="button button-danger">
            Delete my account
          </button>
        </form>
      </section>
    </>
  );
}
