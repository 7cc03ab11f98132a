// A fresh invitation link, shown at the top of the account page so it is in
// view without scrolling: a read-only field to select and a copy button.
import CopyButton from "../../islands/CopyButton.tsx";

/** Shows a new invitation link with a copy button. */
export function InvitationLink(props: { href: string }) {
  return (
    <section class="card invitation-link" aria-labelledby="invitation-title">
      <h2 id="invitation-title">Invitation link</h2>
      <p class="field-hint">
        Send it to the person you invite: it works once, for 72 hours.
      </p>
      <div class="button-row">
        <input
          id="invitation-url"
          class="mono"
          type="text"
          readOnly
          value={props.href}
          aria-labelledby="invitation-title"
        />
        <CopyButton text={props.href} fieldId="invitation-url" />
      </div>
    </section>
  );
}
