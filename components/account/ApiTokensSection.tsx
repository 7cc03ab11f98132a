import { CredentialList, type CredentialRow } from "./CredentialList.tsx";

/** The Account page's API tokens: the list, a new token shown once, and the create form. */
export function ApiTokensSection(props: {
  tokens: CredentialRow[];
  newToken?: string;
  timeZone: string;
  csrfToken: string;
}) {
  return (
    <section class="card">
      <h2>API tokens</h2>
      <p class="field-hint">
        Read-only tokens for scripts and dashboards: send{" "}
        <code class="mono">Authorization: Bearer &lt;token&gt;</code>. They read
        your bands' summaries, readings and exports, never a band's auth key,
        and cannot change anything.
      </p>
      {props.newToken
        ? (
          <p class="notice notice-ok" role="status">
            Copy this token now, it is not shown again:{" "}
            <code class="mono token-once">{props.newToken}</code>
          </p>
        )
        : null}
      <CredentialList
        rows={props.tokens}
        timeZone={props.timeZone}
        csrfToken={props.csrfToken}
        action="token_revoke"
        removeLabel="Revoke"
        empty="No API tokens yet."
      />
      <form method="post">
        <input type="hidden" name="csrf" value={props.csrfToken} />
        <input type="hidden" name="action" value="token_create" />
        <label class="field">
          Token name
          <input name="name" required maxLength={64} placeholder="Grafana" />
        </label>
        <button type="submit" class="button">Create API token</button>
      </form>
    </section>
  );
}
