import { CardFrame } from "../../components/cards/CardFrame.tsx";
import {
  formatDateTime,
  formatPercent,
} from "../../components/cards/format.ts";
import { batteryFact } from "../../lib/state/band_facts.ts";

/** Props: the last battery reading the server stored, and how to show times. */
export interface BatteryCardProps {
  lastBattery: { level: number; charging: boolean; time: number } | null;
  locale: string;
  timeZone: string;
}

/** The battery level and charging state: live from the band, else the latest reading (a sync's or the server's). */
export default function BatteryCard(props: BatteryCardProps) {
  const fact = batteryFact.value ??
    (props.lastBattery ? { ...props.lastBattery, live: false } : null);
  return (
    <CardFrame
      id="battery"
      title="Battery"
      source={fact?.live ? "live" : "saved"}
    >
      {fact === null
        ? <p class="field-hint">No battery reading yet: connect the band.</p>
        : (
          <>
            <div class="stat">
              <span class="stat-value" data-testid="battery-level">
                {formatPercent(fact.level, props.locale)}
              </span>
              <span class="stat-label">
                {fact.charging ? "Charging" : "On battery"}
              </span>
            </div>
            <meter
              min={0}
              max={100}
              low={20}
              high={60}
              optimum={100}
              value={fact.level}
              aria-label="Battery level"
            />
            {fact.live ? null : (
              <p class="field-hint">
                Recorded {formatDateTime(fact.time, props)}
              </p>
            )}
          </>
        )}
    </CardFrame>
  );
}
