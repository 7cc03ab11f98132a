import {
  type Completeness,
  toPercent,
} from "../../lib/history/completeness.ts";
import { formatAgo, formatDateTime, formatDuration } from "./format.ts";

/** Props for {@link DataStatus}. */
export interface DataStatusProps {
  /** Completeness of the period shown. */
  completeness: Completeness;
  /** "day", "week", "month" or "year", for the sentence. */
  period: string;
  /** The person's time zone. */
  timeZone: string;
  /** The instant the page is rendered for. */
  now: number;
}

/** Says how complete the period's data is and when the band last synced. */
export function DataStatus(props: DataStatusProps) {
  const { completeness, period, timeZone, now } = props;
  const percent = toPercent(completeness);
  const missing = completeness.expectedMinutes - completeness.recordedMinutes;
  return (
    <p class="history-status" data-complete={percent ?? ""}>
      <span>
        {percent === null
          ? `This ${period} has not started yet.`
          : `Data for ${percent}% of this ${period} so far` +
            (missing > 0 ? ` (${formatDuration(missing)} missing).` : ".")}
      </span>{" "}
      <span>
        {completeness.lastSyncAt === null
          ? "The band has never synced."
          : `Last synced ${formatAgo(completeness.lastSyncAt, now)}, ${
            formatDateTime(completeness.lastSyncAt, timeZone)
          }.`}
      </span>
    </p>
  );
}
