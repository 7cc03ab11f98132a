import { useSignal } from "@preact/signals";
import type { BandSettings } from "../../lib/api/band_schemas.ts";
import {
  ALARM_SLOT_COUNT,
  encodeDayMask,
  parseDayMask,
  type Weekday,
  WEEKDAYS,
} from "../../lib/protocol/alarms.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";
import { saveBandSettings } from "./_shared/save_settings.ts";
import { formatClock, parseClock } from "../../components/cards/time_text.ts";
import { formatClockTime } from "../../components/cards/format.ts";
import { withKeptSettings } from "./_shared/with_kept_settings.tsx";

/** Its tab panel is hidden at load: the code loads when the card is first shown. */
export const lazy = true;

type SavedAlarm = NonNullable<BandSettings["alarms"]>[number];

const DAY_NAMES: Record<Weekday, string> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

function describeDays(mask: number): string {
  if (mask === 0) return "Once";
  if (mask === 0x7f) return "Every day";
  if (mask === 0x1f) return "Weekdays";
  return parseDayMask(mask).map((d) => DAY_NAMES[d]).join(" ");
}

/** Every alarm slot of the band: what was last saved, and editing or clearing one slot at a time. */
function AlarmsCard(
  props: {
    bandId: string;
    csrfToken: string;
    settings: BandSettings;
    locale: string;
  },
) {
  const action = useBandAction();
  const alarms = useSignal<SavedAlarm[]>(props.settings.alarms ?? []);
  const slot = useSignal(0);
  const current = alarms.value.find((a) => a.index === slot.value);
  const time = useSignal(
    current ? formatClock(current.hour, current.minute) : "07:00",
  );
  const days = useSignal<Weekday[]>(
    current ? parseDayMask(current.days) : ["mon", "tue", "wed", "thu", "fri"],
  );
  const enabled = useSignal(current?.enabled ?? true);
  const snooze = useSignal(true);

  const pick = (index: number) => {
    slot.value = index;
    const saved = alarms.value.find((a) => a.index === index);
    time.value = saved ? formatClock(saved.hour, saved.minute) : "07:00";
    days.value = saved
      ? parseDayMask(saved.days)
      : ["mon", "tue", "wed", "thu", "fri"];
    enabled.value = saved?.enabled ?? true;
  };

  const store = (next: SavedAlarm[]) => {
    alarms.value = next;
    return saveBandSettings(props.bandId, props.csrfToken, { alarms: next });
  };

  const save = (event: Event) => {
    event.preventDefault();
    const clock = parseClock(time.value);
    if (!clock) {
      action.show({
        kind: "error",
        text: "Cannot save alarm: enter a time as HH:MM",
      });
      return;
    }
    const index = slot.value;
    const entry: SavedAlarm = {
      index,
      enabled: enabled.value,
      hour: clock.hour,
      minute: clock.minute,
      days: encodeDayMask(days.value),
      smart: false,
    };
    return action.run(
      async (band) => {
        await band.alarms.set({
          slot: index,
          time: clock,
          days: days.value,
          enabled: enabled.value,
          snooze: snooze.value,
        });
        await store(
          [...alarms.value.filter((a) => a.index !== index), entry].sort((
            a,
            b,
          ) => a.index - b.index),
        );
      },
      `Alarm ${index + 1} set for ${
        formatClockTime(clock.hour, clock.minute, props.locale)
      }`,
    );
  };

  const clear = () => {
    const index = slot.value;
    return action.run(async (band) => {
      await band.alarms.clear(index);
      await store(alarms.value.filter((a) => a.index !== index));
    }, `Alarm ${index + 1} cleared`);
  };

  const toggleDay = (day: Weekday, on: boolean) => {
    const set = new Set(days.value);
    if (on) set.add(day);
    else set.delete(day);
    days.value = WEEKDAYS.filter((d) => set.has(d));
  };

  return (
    <CardFrame
      id="alarms"
      title="Alarms"
      source={alarms.value.length > 0 ? "saved" : undefined}
      wide
    >
      <ol class="slot-list" aria-label="Alarm slots">
        {Array.from({ length: ALARM_SLOT_COUNT }, (_, index) => {
          const saved = alarms.value.find((a) => a.index === index);
          return (
            <li key={index}>
              <button
                type="button"
                class={index === slot.value
                  ? "button slot slot-selected"
                  : "button slot"}
                aria-pressed={index === slot.value}
                onClick={() => pick(index)}
              >
                <span>{index + 1}</span>
                <span>
                  {saved
                    ? `${
                      formatClockTime(saved.hour, saved.minute, props.locale)
                    } · ${describeDays(saved.days)}${
                      saved.enabled ? "" : " · off"
                    }`
                    : "Empty"}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <form
        class="card-form"
        onSubmit={save}
        aria-label={`Alarm ${slot.value + 1}`}
      >
        <div class="field">
          <label for="alarm-time">Time of alarm {slot.value + 1}</label>
          <input
            id="alarm-time"
            type="time"
            value={time.value}
            onInput={(e) => time.value = (e.target as HTMLInputElement).value}
          />
        </div>
        <fieldset>
          <legend>Repeat (none checked: once)</legend>
          <div class="button-row">
            {WEEKDAYS.map((day) => (
              <label class="check" key={day}>
                <input
                  type="checkbox"
                  checked={days.value.includes(day)}
                  onChange={(e) =>
                    toggleDay(day, (e.target as HTMLInputElement).checked)}
                />
                {DAY_NAMES[day]}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="field">
          <div class="button-row">
            <label class="check">
              <input
                type="checkbox"
                checked={enabled.value}
                onChange={(e) =>
                  enabled.value = (e.target as HTMLInputElement).checked}
              />
              On
            </label>
            <label class="check">
              <input
                type="checkbox"
                checked={snooze.value}
                onChange={(e) =>
                  snooze.value = (e.target as HTMLInputElement).checked}
              />
              Allow snooze
            </label>
          </div>
        </div>
        <div class="button-row">
          <button
            type="submit"
            class="button button-primary"
            disabled={action.busy}
          >
            Save alarm
          </button>
          <button
            type="button"
            class="button button-danger"
            disabled={action.busy}
            onClick={clear}
          >
            Clear slot
          </button>
        </div>
      </form>
      <CardNote note={action.note} />
    </CardFrame>
  );
}

/** The card, started again from the kept settings when the page has newer ones. */
export default withKeptSettings(AlarmsCard);
