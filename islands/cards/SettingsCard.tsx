import { useSignal } from "@preact/signals";
import type { BandSettings } from "../../lib/api/band_schemas.ts";
import type { MiBand4 } from "../../lib/ble/mi_band4.ts";
import {
  type ConfigCommand,
  DATE_FORMATS,
  LANGUAGES,
} from "../../lib/protocol/general_config.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { formatLanguage } from "../../components/cards/format.ts";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";
import { saveGeneralSettings } from "./_shared/general_settings.ts";
import { withKeptSettings } from "./_shared/with_kept_settings.tsx";

/** Its tab panel is hidden at load: the code loads when the card is first shown. */
export const lazy = true;

type Value = string | boolean;
interface Setting {
  key: string;
  label: string;
  initial: Value;
  /** Choices for a select; none means a checkbox. */
  options?: [string, string][];
  write: (band: MiBand4, value: Value) => Promise<void>;
}

const apply = (command: ConfigCommand) => (band: MiBand4) =>
  band.settings.apply(command);
const sw =
  (kind: Extract<ConfigCommand, { enabled: boolean }>["kind"]) =>
  (band: MiBand4, v: Value) =>
    band.settings.apply({ kind, enabled: v === true } as ConfigCommand);

const SETTINGS: Setting[] = [
  {
    key: "time_format",
    label: "Clock",
    initial: "24h",
    options: [["24h", "24-hour"], ["12h", "12-hour"]],
    write: (b, v) =>
      apply({ kind: "time_format", value: v as "12h" | "24h" })(b),
  },
  {
    key: "units",
    label: "Units",
    initial: "metric",
    options: [["metric", "Metric"], ["imperial", "Imperial"]],
    write: (b, v) =>
      apply({ kind: "units", value: v as "metric" | "imperial" })(b),
  },
  {
    key: "date_format",
    label: "Date format",
    initial: "dd.MM.yyyy",
    options: DATE_FORMATS.map((f) => [f, f]),
    write: (b, v) =>
      apply({ kind: "date_format", value: v as typeof DATE_FORMATS[number] })(
        b,
      ),
  },
  {
    key: "date_display",
    label: "Clock screen",
    initial: "date_time",
    options: [["date_time", "Date and time"], ["time", "Time only"]],
    write: (b, v) =>
      apply({ kind: "date_display", value: v as "time" | "date_time" })(b),
  },
  {
    key: "language",
    label: "Language",
    initial: "en_US",
    options: LANGUAGES.map((l) => [l, formatLanguage(l, "en")]),
    write: (b, v) =>
      apply({ kind: "language", value: v as typeof LANGUAGES[number] })(b),
  },
  {
    key: "lift_wrist",
    label: "Lift wrist to wake",
    initial: "on",
    options: [["on", "On"], ["off", "Off"]],
    write: (b, v) =>
      apply({
        kind: "lift_wrist",
        schedule: { mode: v === "on" ? "on" : "off" },
      })(b),
  },
  {
    key: "lift_wrist_sensitivity",
    label: "Lift sensitivity",
    initial: "normal",
    options: [["normal", "Normal"], ["sensitive", "Sensitive"]],
    write: (b, v) =>
      apply({
        kind: "lift_wrist_sensitivity",
        value: v as "normal" | "sensitive",
      })(b),
  },
  {
    key: "night_mode",
    label: "Night mode (dim screen)",
    initial: "off",
    options: [["off", "Off"], ["sunset", "Sunset to sunrise"]],
    write: (b, v) =>
      apply({
        kind: "night_mode",
        schedule: { mode: v === "sunset" ? "sunset" : "off" },
      })(b),
  },
  {
    key: "do_not_disturb",
    label: "Do not disturb",
    initial: "off",
    options: [["off", "Off"], ["automatic", "While asleep"]],
    write: (b, v) =>
      apply({
        kind: "do_not_disturb",
        schedule: { mode: v === "automatic" ? "automatic" : "off" },
        wakeOnLift: false,
      })(b),
  },
  {
    key: "wear_location",
    label: "Worn on",
    initial: "left",
    options: [["left", "Left wrist"], ["right", "Right wrist"]],
    write: (b, v) =>
      b.settings.setWearLocation(v === "right" ? "right" : "left"),
  },
  {
    key: "disconnect_reminder",
    label: "Vibrate when the phone disconnects",
    initial: false,
    write: (b, v) =>
      apply({
        kind: "disconnect_reminder",
        schedule: { mode: v ? "on" : "off" },
      })(b),
  },
  {
    key: "swipe_unlock",
    label: "Swipe to unlock screen",
    initial: false,
    write: sw("swipe_unlock"),
  },
  {
    key: "rotate_wrist",
    label: "Rotate wrist to switch info",
    initial: false,
    write: sw("rotate_wrist"),
  },
  {
    key: "caller_id",
    label: "Show caller name",
    initial: true,
    write: (b, v) => apply({ kind: "caller_id", enabled: v === true })(b),
  },
  {
    key: "sleep_assist",
    label: "Heart rate assists sleep detection",
    initial: false,
    write: (b, v) => b.heartRate.setSleepAssist(v === true),
  },
  {
    key: "heart_rate_during_activity",
    label: "Heart rate during workouts",
    initial: false,
    write: sw("heart_rate_during_activity"),
  },
  {
    key: "expose_heart_rate",
    label: "Share heart rate with other apps",
    initial: false,
    write: sw("expose_heart_rate"),
  },
  {
    key: "bt_advertising",
    label: "Stay visible while connected",
    initial: false,
    write: sw("bt_advertising"),
  },
];

/** Every general setting of the band; each change is written at once and remembered on the server. */
function SettingsCard(
  props: { bandId: string; csrfToken: string; settings: BandSettings },
) {
  const action = useBandAction();
  const values = useSignal<Record<string, Value>>(
    Object.fromEntries(SETTINGS.map((s) => {
      const saved = props.settings.general?.[s.key];
      return [
        s.key,
        typeof saved === typeof s.initial ? saved as Value : s.initial,
      ];
    })),
  );
  const change = (setting: Setting, value: Value) => {
    const previous = values.value;
    const next = { ...previous, [setting.key]: value };
    values.value = next;
    return action.run(async (band) => {
      try {
        await setting.write(band, value);
      } catch (error) {
        values.value = previous;
        throw error;
      }
      await saveGeneralSettings(props.bandId, props.csrfToken, {
        change: next,
      });
    }, `${setting.label}: saved`);
  };
  return (
    <CardFrame
      id="general-settings"
      title="General settings"
      source={props.settings.general ? "saved" : undefined}
      wide
    >
      <div class="settings-grid">
        {SETTINGS.map((s) =>
          s.options
            ? (
              <div class="field" key={s.key}>
                <label for={`setting-${s.key}`}>{s.label}</label>
                <select
                  id={`setting-${s.key}`}
                  value={String(values.value[s.key])}
                  disabled={action.busy}
                  onChange={(e) =>
                    change(s, (e.target as HTMLSelectElement).value)}
                >
                  {s.options.map(([value, text]) => (
                    <option value={value} key={value}>{text}</option>
                  ))}
                </select>
              </div>
            )
            : (
              <label class="check" key={s.key}>
                <input
                  type="checkbox"
                  id={`setting-${s.key}`}
                  checked={values.value[s.key] === true}
                  disabled={action.busy}
                  onChange={(e) =>
                    change(s, (e.target as HTMLInputElement).checked)}
                />
                {s.label}
              </label>
            )
        )}
      </div>
      <CardNote note={action.note} />
    </CardFrame>
  );
}

/** The card, started again from the kept settings when the page has newer ones. */
export default withKeptSettings(SettingsCard);
