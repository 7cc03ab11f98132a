/** Username and password fields for the sign-in, setup and invitation forms. */
export function CredentialFields(
  props: { username?: string; newAccount: boolean },
) {
  return (
    <>
      <label class="field">
        Username
        <input
          type="text"
          name="username"
          required
          autocomplete={props.newAccount ? "username" : "username webauthn"}
          value={props.username ?? ""}
        />
      </label>
      <label class="field">
        Password
        <input
          name="password"
          type="password"
          required
          minLength={props.newAccount ? 10 : undefined}
          autocomplete={props.newAccount ? "new-password" : "current-password"}
        />
        {props.newAccount
          ? <span class="field-hint">At least 10 characters.</span>
          : null}
      </label>
    </>
  );
}
