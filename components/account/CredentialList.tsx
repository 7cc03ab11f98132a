/** One row of a credential list (an API token or a passkey). */
export interface CredentialRow {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** Formats an instant as "2024-03-10 14:05" in the person's time zone. */
export function formatWhen(ms: number | null, timeZone: string): string {
  if (ms === null) return "never";
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${
    get("minute")
  }`;
}

/** A server-rendered list of credentials, each with a form that removes it. */
export function CredentialList(props: {
  rows: CredentialRow[];
  timeZone: string;
  csrfToken: string;
  action: string;
  removeLabel: string;
  empty: string;
}) {
  if (props.rows.length === 0) return <p class="field-hint">{props.empty}</p>;
  return (
    <ul class="credential-list">
      {props.rows.map((row) => (
        <li key={row.id} class="credential-row">
          <span>
            <strong>{row.name}</strong>
            <span class="field-hint">
              {` created ${
                formatWhen(row.createdAt, props.timeZone)
              }, last used ${formatWhen(row.lastUsedAt, props.timeZone)}`}
            </span>
          </span>
          <form method="post">
            <input type="hidden" name="csrf" value={props.csrfToken} />
            <input type="hidden" name="action" value={props.action} />
            <input type="hidden" name="id" value={row.id} />
            <button
              type="submit"
              class="button button-danger"
              aria-label={`${props.removeLabel} ${row.name}`}
            >
              {props.removeLabel}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
