import { useSignal } from "@preact/signals";
import type { RealtimeActivity } from "../../lib/protocol/realtime_activity.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { useConnectedEffect } from "./_shared/use_connected.ts";
import { formatCount } from "../../components/cards/time_text.ts";

/** Today's steps, distance and calories, updating live while the band is connected. */
export default function StatusCard(props: { todaySteps: number | null }) {
  const live = useSignal<RealtimeActivity | null>(null);
  useConnectedEffect(async (band) => {
    const stop = await band.watchRealtimeActivity((value) => {
      live.value = value;
    });
    return () => void stop().catch(() => {});
  });
  const value = live.value;
  const steps = value?.steps ?? props.todaySteps;
  return (
    <CardFrame id="status" title="Today" source={value ? "live" : "saved"}>
      <div class="stat-row">
        <div class="stat">
          <span class="stat-label">Steps</span>
          <span class="stat-value" data-testid="status-steps">
            {steps === null ? "—" : formatCount(steps)}
          </span>
        </div>
        <div class="stat">
          <span class="stat-label">Distance</span>
          <span class="stat-value">
            {value ? `${(value.distanceMeters / 1000).toFixed(2)} km` : "—"}
          </span>
        </div>
        <div class="stat">
          <span class="stat-label">Calories</span>
          <span class="stat-value">
            {value ? `${formatCount(value.calories)} kcal` : "—"}
          </span>
        </div>
      </div>
      <p class="field-hint">
        {value
          ? "Updating live from the band."
          : "Connect the band to see today's totals update live."}
      </p>
    </CardFrame>
  );
}
