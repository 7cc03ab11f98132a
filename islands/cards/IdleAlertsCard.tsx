import { useSignal } from "@preact/signals";
import type { BandSettings } from "../../lib/api/band_schemas.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";
import { saveBandSettings } from "./_shared/save_settings.ts";
import { parseClock } from "../../components/cards/time_text.ts";
import { formatClockTime } from "../../components/cards/format.ts";
import { withKeptSettings } from "./_shared/with_kept_settings.tsx";

/** Its tab panel is hidden at load: the code loads when the card is first shown. */
export const lazy = true;

/** Inactivity warnings: on or off, the active hours and an optional quiet gap. */
function IdleAlertsCard(
  props: {
    bandId: string;
    csrfToken: string;
    settings: BandSettings;
    locale: string;
  },
) {
  const saved = props.settings.idleAlerts;
  const action = useBandAction();
  const enabled = useSignal(saved?.enabled ?? false);
  const start = useSignal(saved?.start ?? "09:00");
  const end = useSignal(saved?.end ?? "18:00");
  const useGap = useSignal(saved?.dnd != null);
  const gapStart = useSignal(saved?.dnd?.start ?? "12:00");
  const gapEnd = useSignal(saved?.dnd?.end ?? "13:00");

  const submit = (event: Event) => {
    event.preventDefault();
    const from = parseClock(start.value);
    const to = parseClock(end.value);
    const gs = parseClock(gapStart.value);
    const ge = parseClock(gapEnd.value);
    if (!from || !to || (useGap.value && (!gs || !ge))) {
      action.show({
        kind: "error",
        text: "Cannot save idle alerts: enter every time as HH:MM",
      });
      return;
    }
    if (start.value >= end.value) {
      action.show({
        kind: "error",
        text: "Cannot save idle alerts: the end must be after the start",
      });
      return;
    }
    const gap = useGap.value && gs && ge ? { start: gs, end: ge } : undefined;
    return action.run(
      async (band) => {
        await band.settings.setIdleAlerts({
          enabled: enabled.value,
          thresholdMinutes: 60,
          start: from,
          end: to,
          gap,
        });
        await saveBandSettings(props.bandId, props.csrfToken, {
          idleAlerts: {
            enabled: enabled.value,
            start: start.value,
            end: end.value,
            dnd: useGap.value
              ? { start: gapStart.value, end: gapEnd.value }
              : null,
          },
        });
      },
      enabled.value
        ? `Idle alerts on, ${
          formatClockTime(from.hour, from.minute, props.locale)
        }–${formatClockTime(to.hour, to.minute, props.locale)}`
        : "Idle alerts off",
    );
  };

  const timeField = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
  ) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="time"
        value={value}
        onInput={(e) => set((e.target as HTMLInputElement).value)}
      />
    </div>
  );

  return (
    <CardFrame
      id="idle-alerts"
      title="Idle alerts"
      source={saved ? "saved" : undefined}
    >
      <form class="card-form" onSubmit={submit}>
        <div class="field">
          <label class="check">
            <input
              type="checkbox"
              checked={enabled.value}
              onChange={(e) =>
                enabled.value = (e.target as HTMLInputElement).checked}
            />
            Vibrate after an hour without moving
          </label>
        </div>
        <div class="field-pair">
          {timeField("idle-start", "From", start.value, (v) => start.value = v)}
          {timeField("idle-end", "Until", end.value, (v) => end.value = v)}
        </div>
        <div class="field">
          <label class="check">
            <input
              type="checkbox"
              checked={useGap.value}
              onChange={(e) =>
                useGap.value = (e.target as HTMLInputElement).checked}
            />
            Quiet during a break
          </label>
        </div>
        {useGap.value
          ? (
            <div class="field-pair">
              {timeField("idle-gap-start", "Break from", gapStart.value, (v) =>
                gapStart.value = v)}
              {timeField("idle-gap-end", "Break until", gapEnd.value, (v) =>
                gapEnd.value = v)}
            </div>
          )
          : null}
        <div class="button-row">
          <button
            type="submit"
            class="button"
            disabled={action.busy}
          >
            Save idle alerts
          </button>
        </div>
      </form>
      <CardNote note={action.note} />
    </CardFrame>
  );
}

/** The card, started again from the kept settings when the page has newer ones. */
export default withKeptSettings(IdleAlertsCard);
