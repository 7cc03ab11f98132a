import { EmptyState } from "../EmptyState.tsx";
import { historyHref } from "./links.ts";

/** Props for {@link HistoryEmpty}. */
export interface HistoryEmptyProps {
  /** Band id. */
  bandId: string;
  /** "day", "week", "month" or "year". */
  period: string;
  /** Whether the band has ever synced. */
  everSynced: boolean;
  /** Today in the person's time zone, for the way back. */
  today: string;
  /** True when the period lies after today. */
  future: boolean;
}

/** Explains why a view is empty and what to do next. */
export function HistoryEmpty(props: HistoryEmptyProps) {
  if (!props.everSynced) {
    return (
      <EmptyState title="No history yet" icon="chart">
        <p>
          This band has not synced with the server yet. Open the band's page in
          Chrome on a computer or Android phone with Bluetooth, connect, and
          choose Sync: its stored minutes (up to a few weeks) will appear here.
        </p>
        <a class="button button-primary" href={`/devices/${props.bandId}`}>
          Go to the band
        </a>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title={props.future
        ? `This ${props.period} has not happened yet`
        : `No data for this ${props.period}`}
      icon="chart"
    >
      <p>
        {props.future
          ? "Pick a date up to today."
          : "The band was not synced for this period, or was not worn. The band keeps only a few weeks of minutes, so sync it regularly."}
      </p>
      <a
        class="button"
        href={historyHref(props.bandId, "day", props.today)}
      >
        Show today
      </a>
    </EmptyState>
  );
}
