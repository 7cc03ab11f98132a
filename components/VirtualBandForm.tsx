// "Try it with a virtual band": a plain form that opens the person's virtual
// band (adding it the first time), so it works before any script has loaded.

/** Props for {@link VirtualBandForm}. */
export interface VirtualBandFormProps {
  /** The session's CSRF token. */
  csrfToken: string;
  /** How loudly the button speaks: the page's main action, a plain button, or a quiet one. */
  emphasis?: "primary" | "plain" | "quiet";
}

const CLASSES = {
  primary: "button button-primary",
  plain: "button",
  quiet: "button button-quiet",
} as const;

/** Renders the virtual band form. */
export function VirtualBandForm(
  { csrfToken, emphasis = "quiet" }: VirtualBandFormProps,
) {
  return (
    <form method="post" action="/devices/new">
      <input type="hidden" name="kind" value="virtual" />
      <input type="hidden" name="csrf" value={csrfToken} />
      <button type="submit" class={CLASSES[emphasis]}>
        Try it with a virtual band
      </button>
    </form>
  );
}
