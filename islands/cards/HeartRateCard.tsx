import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { BandSettings } from "../../lib/api/band_schemas.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";
import { saveGeneralSettings } from "./_shared/general_settings.ts";
import { withKeptSettings } from "./_shared/with_kept_settings.tsx";

/** Its tab panel is hidden at load: the code loads when the card is first shown. */
export const lazy = true;

const INTERVALS = [0, 1, 5, 10, 30, 60];

/** Heart-rate monitoring: stream live and set the all-day measurement interval (one measurement lives in the today band). */
function HeartRateCard(
  props: { bandId: string; csrfToken: string; settings: BandSettings },
) {
  const action = useBandAction();
  const bpm = useSignal<number | null>(null);
  const streaming = useSignal(false);
  const stopRef = useRef<(() => Promise<void>) | null>(null);
  const saved = props.settings.general?.heart_rate_interval;
  const interval = useSignal(typeof saved === "number" ? saved : 0);

  useEffect(() => () => void stopRef.current?.().catch(() => {}), []);

  const toggleStream = async () => {
    if (streaming.value) {
      const stop = stopRef.current;
      stopRef.current = null;
      streaming.value = false;
      await action.run(
        () => stop ? stop() : Promise.resolve(),
        "Live heart rate stopped",
      );
      return;
    }
    await action.run(async (band) => {
      const unsubscribe = band.heartRate.subscribe((reading) => {
        bpm.value = reading.bpm;
      });
      const stop = await band.heartRate.startContinuous();
      stopRef.current = async () => {
        unsubscribe();
        await stop();
      };
      streaming.value = true;
    });
  };

  const applyInterval = (event: Event) => {
    event.preventDefault();
    const minutes = interval.value;
    return action.run(
      async (band) => {
        await band.heartRate.setAllDayInterval(minutes);
        await saveGeneralSettings(props.bandId, props.csrfToken, {
          change: { heart_rate_interval: minutes },
        });
      },
      minutes === 0
        ? "All-day measurement turned off"
        : `Measuring every ${minutes} min`,
    );
  };

  return (
    <CardFrame
      id="heart-rate-monitoring"
      title="Heart-rate monitoring"
      source={streaming.value
        ? "live"
        : typeof saved === "number"
        ? "saved"
        : undefined}
    >
      <div class="stat">
        <span
          class="stat-value"
          data-testid="heart-rate-live-bpm"
          aria-live="polite"
        >
          {bpm.value === null ? "—" : `${bpm.value} bpm`}
        </span>
        <span class="stat-label">
          {streaming.value
            ? "Streaming from the band"
            : "Start live to follow every beat"}
        </span>
      </div>
      <div class="button-row">
        <button
          type="button"
          class="button"
          aria-pressed={streaming.value}
          disabled={action.busy}
          onClick={toggleStream}
        >
          {streaming.value ? "Stop live" : "Start live"}
        </button>
      </div>
      <form class="field card-form" onSubmit={applyInterval}>
        <label for="hr-interval">All-day measurement</label>
        <div class="button-row">
          <select
            id="hr-interval"
            value={String(interval.value)}
            onChange={(e) =>
              interval.value = Number((e.target as HTMLSelectElement).value)}
          >
            {INTERVALS.map((m) => (
              <option value={String(m)} key={m}>
                {m === 0 ? "Off" : `Every ${m} min`}
              </option>
            ))}
          </select>
          <button type="submit" class="button" disabled={action.busy}>
            Apply
          </button>
        </div>
      </form>
      <CardNote note={action.note} />
    </CardFrame>
  );
}

/** The card, started again from the kept settings when the page has newer ones. */
export default withKeptSettings(HeartRateCard);
