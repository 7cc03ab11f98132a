import type { ComponentChildren } from "preact";

/** The Account page's takeout card: download everything, and restore from an archive (the island in `children`). */
export function TakeoutSection(props: { children: ComponentChildren }) {
  return (
    <section class="card" id="takeout">
      <h2>Your data</h2>
      <p class="field-hint">
        One ZIP archive of everything this server keeps for you: your profile,
        your bands with their settings, every stored minute, heart-rate, battery
        and band event reading, and every workout, as JSON Lines. Passwords,
        passkeys, sessions and API tokens are never in it.
      </p>
      <form
        class="card-form takeout-form"
        method="get"
        action="/api/me/takeout"
      >
        <label class="check">
          <input type="checkbox" name="keys" value="1" />
          Include the bands' auth keys
        </label>
        <p class="notice notice-warn card-note">
          An auth key lets whoever holds it pair with the band and read or
          change everything on it, with no further question. Include the keys
          only to restore onto a server that does not know your bands yet, and
          keep that file as safe as a password.
        </p>
        <div class="button-row">
          <button type="submit" class="button">Download everything</button>
        </div>
      </form>
      <div class="card-section">
        <h3 class="card-subhead">Restore from an archive</h3>
        <p class="field-hint">
          Brings a takeout's bands and history into this account. A band with
          the same MAC address receives the history; any other band is added,
          which needs the archive to carry its auth key. Everything stored here
          wins, so restoring twice changes nothing. A damaged archive, or one
          from a newer Band Web, is refused with nothing stored.
        </p>
        {props.children}
      </div>
    </section>
  );
}
