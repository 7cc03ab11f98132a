import { CardFrame } from "../../components/cards/CardFrame.tsx";
import {
  describeStepsGap,
  formatCalories,
  formatDistance,
  formatNumber,
} from "../../components/cards/format.ts";
import { liveActivity, syncedToday } from "../../lib/state/band_facts.ts";

/** Props: the server's stored steps for today when the page was rendered. */
export interface StatusCardProps {
  /** Local day ("YYYY-MM-DD") the figures belong to. */
  day: string;
  /** Steps the server has stored for the day (0 when none). */
  syncedSteps: number;
  locale: string;
}

/** Today's steps: the band's live counter while connected, the synced figure always, and why they differ. */
export default function StatusCard(props: StatusCardProps) {
  const live = liveActivity.value;
  const fresh = syncedToday.value;
  const synced = fresh?.day === props.day ? fresh.steps : props.syncedSteps;
  const steps = live?.steps ?? synced;
  const gap = live ? describeStepsGap(live.steps, synced, props.locale) : null;
  return (
    <CardFrame id="status" title="Today" source={live ? "live" : "saved"}>
      <div class="stat-row" data-day={props.day}>
        <div class="stat">
          <span class="stat-label">Steps</span>
          <span class="stat-value" data-testid="status-steps">
            {formatNumber(steps, props.locale)}
          </span>
        </div>
        <div class="stat">
          <span class="stat-label">Distance</span>
          <span class="stat-value">
            {live ? formatDistance(live.distanceMeters, props.locale) : "—"}
          </span>
        </div>
        <div class="stat">
          <span class="stat-label">Calories</span>
          <span class="stat-value">
            {live ? formatCalories(live.calories, props.locale) : "—"}
          </span>
        </div>
      </div>
      <p class="field-hint" data-testid="status-source">
        {gap ??
          (live
            ? "Updating live from the band; every step is synced."
            : `${
              formatNumber(synced, props.locale)
            } steps synced to the server. Connect the band to see its live counter.`)}
      </p>
    </CardFrame>
  );
}
