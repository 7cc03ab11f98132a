import { exportAction } from "./links.ts";

/** Props for {@link ExportForm}. */
export interface ExportFormProps {
  /** Band id. */
  bandId: string;
  /** First day proposed. */
  from: string;
  /** Last day proposed. */
  to: string;
}

/** A plain GET form that downloads raw minutes or daily summaries as CSV or JSON Lines. */
export function ExportForm({ bandId, from, to }: ExportFormProps) {
  return (
    <section class="card history-export" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p class="history-muted">
        Download any range as CSV or JSON Lines, one row per minute or per day,
        with units in the column names. The band's auth key is never exported.
      </p>
      <form
        class="history-export-form"
        method="get"
        action={exportAction(bandId)}
      >
        <div class="field">
          <label for="export-data">Data</label>
          <select id="export-data" name="data">
            <option value="daily">Daily summaries</option>
            <option value="minutes">Raw minutes</option>
          </select>
        </div>
        <div class="field">
          <label for="export-format">Format</label>
          <select id="export-format" name="format">
            <option value="csv">CSV</option>
            <option value="jsonl">JSON Lines</option>
          </select>
        </div>
        <div class="field">
          <label for="export-from">From</label>
          <input
            id="export-from"
            type="date"
            name="from"
            value={from}
            required
          />
        </div>
        <div class="field">
          <label for="export-to">To</label>
          <input id="export-to" type="date" name="to" value={to} required />
        </div>
        <div class="field history-export-submit">
          <button class="button button-primary" type="submit">Download</button>
        </div>
      </form>
    </section>
  );
}
