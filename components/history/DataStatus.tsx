import {
  type Completeness,
  toPercent,
} from "../../lib/history/completeness.ts";
import { useFormats } from "../formats.ts";

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
  const f = useFormats(timeZone);
  const percent = toPercent(completeness);
  const missing = completeness.expectedMinutes - completeness.recordedMinutes;
  return (
    <p class="history-status" data-complete={percent ?? ""}>
      <span>
        {percent === null
          ? `This ${period} has not started yet.`
          : `Data for ${percent}% of this ${period} so far` +
            (missing > 0 ? ` (${f.duration(missing)} missing).` : ".")}
      </span>{" "}
      <span>
        {completeness.lastSyncAt === null
          ? "The band has never synced."
          : `Last synced ${f.ago(completeness.lastSyncAt, now)}, ${
            f.dateTime(completeness.lastSyncAt)
          }.`}
      </span>
    </p>
  );
}
