import { useSignal } from "@preact/signals";
import type {
  BandSettings,
  StoredReminder,
} from "../../lib/api/band_schemas.ts";
import { type Weekday, WEEKDAYS } from "../../lib/protocol/alarms.ts";
import {
  REMINDER_MAX_TEXT_CHARS,
  REMINDER_SLOT_COUNT,
  type ReminderRepeat,
} from "../../lib/protocol/reminders.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";
import { saveBandSettings } from "./_shared/save_settings.ts";
import { withKeptSettings } from "./_shared/with_kept_settings.tsx";

/** Its tab panel is hidden at load: the code loads when the card is first shown. */
export const lazy = true;

const REPEATS: [StoredReminder["repeat"], string][] = [
  ["once", "Once"],
  ["weekly", "Every week"],
  ["monthly", "Every month"],
  ["yearly", "Every year"],
];

/** Props: the band and the reminders last written to it. */
export interface RemindersCardProps {
  bandId: string;
  csrfToken: string;
  settings: BandSettings;
  locale: string;
}

/** The band's event reminders: its 22 slots, each with a text, a date and time, and a repeat. */
function RemindersCard(props: RemindersCardProps) {
  const action = useBandAction();
  const saved = useSignal<StoredReminder[]>(props.settings.reminders ?? []);
  const slot = useSignal(firstFreeSlot(saved.value));
  const text = useSignal("");
  const start = useSignal("");
  const repeat = useSignal<StoredReminder["repeat"]>("once");
  const days = useSignal(0);

  const pick = (next: number) => {
    slot.value = next;
    const entry = saved.value.find((r) => r.slot === next);
    text.value = entry?.text ?? "";
    start.value = entry?.start ?? "";
    repeat.value = entry?.repeat ?? "once";
    days.value = entry?.days ?? 0;
  };

  const store = (next: StoredReminder[]) => {
    saved.value = next;
    return saveBandSettings(props.bandId, props.csrfToken, { reminders: next });
  };

  const save = (event: Event) => {
    event.preventDefault();
    const when = parseLocalDateTime(start.value);
    const problem = !when
      ? "choose a date and time"
      : Array.from(text.value).length > REMINDER_MAX_TEXT_CHARS
      ? `keep the text to ${REMINDER_MAX_TEXT_CHARS} characters`
      : repeat.value === "weekly" && days.value === 0
      ? "pick at least one day for a weekly reminder"
      : null;
    if (problem || !when) {
      action.show({ kind: "error", text: `Cannot save reminder: ${problem}` });
      return;
    }
    const entry: StoredReminder = {
      slot: slot.value,
      start: start.value,
      repeat: repeat.value,
      days: repeat.value === "weekly" ? days.value : 0,
      text: text.value,
    };
    return action.run(
      async (band) => {
        await band.reminders.set({
          slot: entry.slot,
          enabled: true,
          start: when,
          repeat: toRepeat(entry),
          text: entry.text,
        });
        await store(
          [...saved.value.filter((r) => r.slot !== entry.slot), entry].sort((
            a,
            b,
          ) => a.slot - b.slot),
        );
        // The form moves on to a free slot, ready for the next reminder.
        pick(firstFreeSlot(saved.value));
      },
      `Reminder ${entry.slot + 1} saved on the band`,
      { pending: "Sending the reminder to the band…" },
    );
  };

  const remove = (target: number) =>
    action.run(
      async (band) => {
        await band.reminders.delete(target);
        await store(saved.value.filter((r) => r.slot !== target));
        if (slot.value === target) pick(target);
      },
      `Reminder ${target + 1} deleted`,
      { pending: "Deleting the reminder on the band…" },
    );

  const toggleDay = (day: Weekday, on: boolean) => {
    const bit = 1 << WEEKDAYS.indexOf(day);
    days.value = on ? days.value | bit : days.value & ~bit;
  };

  const taken = new Map(saved.value.map((r) => [r.slot, r]));
  return (
    <CardFrame
      id="reminders"
      title="Reminders"
      source={props.settings.reminders ? "saved" : undefined}
    >
      {saved.value.length === 0
        ? (
          <p class="field-hint">
            No reminders on the band yet. The band shows a reminder's text at
            its time and vibrates.
          </p>
        )
        : (
          <ul class="reminder-list" aria-label="Reminders on the band">
            {saved.value.map((r) => (
              <li key={r.slot}>
                <span>
                  <strong>{r.text || "Reminder"}</strong>
                  <span class="field-hint">
                    {formatWallClock(r.start, props.locale)} ·{" "}
                    {describeRepeat(r, props.locale)}
                  </span>
                </span>
                <span class="button-row">
                  <button
                    type="button"
                    class="button button-quiet button-small"
                    onClick={() => pick(r.slot)}
                    aria-label={`Edit reminder ${r.slot + 1}`}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    class="button button-quiet button-small"
                    disabled={action.busy}
                    onClick={() => remove(r.slot)}
                    aria-label={`Delete reminder ${r.slot + 1}`}
                  >
                    Delete
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      <form class="card-form" onSubmit={save}>
        <div class="field-pair">
          <div class="field">
            <label for="reminder-slot">Slot</label>
            <select
              id="reminder-slot"
              value={String(slot.value)}
              onChange={(e) =>
                pick(Number((e.target as HTMLSelectElement).value))}
            >
              {Array.from(
                { length: REMINDER_SLOT_COUNT },
                (_, i) => (
                  <option value={String(i)} key={i}>
                    {`${i + 1} · ${
                      taken.get(i)?.text ||
                      (taken.has(i) ? "Reminder" : "empty")
                    }`}
                  </option>
                ),
              )}
            </select>
          </div>
          <div class="field">
            <label for="reminder-repeat">Repeat</label>
            <select
              id="reminder-repeat"
              value={repeat.value}
              onChange={(e) =>
                repeat.value = (e.target as HTMLSelectElement)
                  .value as StoredReminder["repeat"]}
            >
              {REPEATS.map(([value, label]) => (
                <option value={value} key={value}>{label}</option>
              ))}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="reminder-text">Text</label>
          <input
            id="reminder-text"
            type="text"
            maxLength={REMINDER_MAX_TEXT_CHARS}
            value={text.value}
            placeholder="Dentist"
            aria-describedby="reminder-text-hint"
            onInput={(e) => text.value = (e.target as HTMLInputElement).value}
          />
          <p class="field-hint" id="reminder-text-hint">
            Up to {REMINDER_MAX_TEXT_CHARS} characters, shown on the band.
          </p>
        </div>
        <div class="field">
          <label for="reminder-start">Date and time on the band</label>
          <input
            id="reminder-start"
            type="datetime-local"
            value={start.value}
            onInput={(e) => start.value = (e.target as HTMLInputElement).value}
          />
        </div>
        {repeat.value === "weekly" && (
          <fieldset>
            <legend>Days</legend>
            <div class="button-row">
              {WEEKDAYS.map((day, i) => (
                <label class="check" key={day}>
                  <input
                    type="checkbox"
                    checked={(days.value & (1 << i)) !== 0}
                    onChange={(e) =>
                      toggleDay(day, (e.target as HTMLInputElement).checked)}
                  />
                  {weekdayName(i, props.locale)}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <div class="button-row">
          <button
            type="submit"
            class="button"
            disabled={action.busy}
          >
            Save reminder
          </button>
        </div>
      </form>
      <CardNote note={action.note} />
    </CardFrame>
  );
}

function firstFreeSlot(saved: StoredReminder[]): number {
  for (let i = 0; i < REMINDER_SLOT_COUNT; i++) {
    if (!saved.some((r) => r.slot === i)) return i;
  }
  return 0;
}

function parseLocalDateTime(value: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  return { year, month, day, hour, minute, second: 0 };
}

function toRepeat(entry: StoredReminder): ReminderRepeat {
  if (entry.repeat !== "weekly") return { kind: entry.repeat };
  return {
    kind: "weekly",
    days: WEEKDAYS.filter((_, i) => (entry.days & (1 << i)) !== 0),
  };
}

// The band keeps wall-clock times, so they are shown as written, zone-free.
function formatWallClock(value: string, locale: string): string {
  const when = parseLocalDateTime(value);
  if (!when) return value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(
    Date.UTC(when.year, when.month - 1, when.day, when.hour, when.minute),
  );
}

// 2024-01-01 was a Monday, so day i of the week is January 1 + i.
function weekdayName(index: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" })
    .format(Date.UTC(2024, 0, 1 + index));
}

function describeRepeat(entry: StoredReminder, locale: string): string {
  if (entry.repeat !== "weekly") {
    return REPEATS.find(([v]) => v === entry.repeat)?.[1] ?? entry.repeat;
  }
  const names = WEEKDAYS.flatMap((_, i) =>
    (entry.days & (1 << i)) !== 0 ? [weekdayName(i, locale)] : []
  );
  return `Every ${
    new Intl.ListFormat(locale, { type: "conjunction" }).format(names)
  }`;
}

/** The card, started again from the kept settings when the page has newer ones. */
export default withKeptSettings(RemindersCard);
