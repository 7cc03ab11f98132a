// A fresh invitation link, shown at the top of the account page so it is in
// view without scrolling: a read-only field (id "invitation-url") to select, and
// beside it the copy control the page passes in (an island, which components
// may not import).
import type { ComponentChildren } from "preact";

/** Shows a new invitation link, with the page's copy control as children. */
export function InvitationLink(
  props: { href: string; children?: ComponentChildren },
) {
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
        {props.children}
      </div>
    </section>
  );
}
