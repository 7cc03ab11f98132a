import { useSignal } from "@preact/signals";
import type { BatteryInfo } from "../../lib/protocol/battery.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { useConnectedEffect } from "./_shared/use_connected.ts";

/** The battery level and charging state: live from the band, else the last recorded reading. */
export default function BatteryCard(
  props: {
    lastBattery: { level: number; charging: boolean; time: number } | null;
  },
) {
  const live = useSignal<BatteryInfo | null>(null);
  useConnectedEffect(async (band) => {
    live.value = await band.readBattery();
    const stop = await band.watchBattery((info) => {
      live.value = info;
    });
    return () => void stop().catch(() => {});
  });
  const level = live.value?.level ?? props.lastBattery?.level ?? null;
  const charging = live.value?.charging ?? props.lastBattery?.charging ?? false;
  return (
    <CardFrame
      id="battery"
      title="Battery"
      source={live.value ? "live" : "saved"}
    >
      {level === null
        ? <p class="field-hint">No battery reading yet: connect the band.</p>
        : (
          <>
            <div class="stat">
              <span class="stat-value" data-testid="battery-level">
                {level} %
              </span>
              <span class="stat-label">
                {charging ? "Charging" : "On battery"}
              </span>
            </div>
            <meter
              min={0}
              max={100}
              low={20}
              high={60}
              optimum={100}
              value={level}
              aria-label="Battery level"
            />
            {!live.value && props.lastBattery
              ? (
                <p class="field-hint">
                  Recorded {new Date(props.lastBattery.time).toLocaleString()}
                </p>
              )
              : null}
          </>
        )}
    </CardFrame>
  );
}
