import { useSignal } from "@preact/signals";
import type { BandSettings } from "../../lib/api/band_schemas.ts";
import { DISPLAY_ITEM, type DisplayItem } from "../../lib/protocol/display.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";
import { saveBandSettings } from "./_shared/save_settings.ts";
import { withKeptSettings } from "./_shared/with_kept_settings.tsx";

/** Its tab panel is hidden at load: the code loads when the card is first shown. */
export const lazy = true;

const LABELS: Record<DisplayItem, string> = {
  status: "Status",
  heart_rate: "Heart rate",
  workout: "Workout",
  weather: "Weather",
  mi_home: "Mi Home",
  notifications: "Notifications",
  more: "More",
};
const ALL = Object.keys(DISPLAY_ITEM) as DisplayItem[];
const DEFAULT: DisplayItem[] = [
  "status",
  "heart_rate",
  "workout",
  "weather",
  "notifications",
  "more",
];

function isItem(value: string): value is DisplayItem {
  return (ALL as string[]).includes(value);
}

/** The band's menu: which screens are shown and in what order. */
function DisplayCard(
  props: { bandId: string; csrfToken: string; settings: BandSettings },
) {
  const action = useBandAction();
  const savedItems = props.settings.display?.items.filter(isItem);
  const shown = useSignal<DisplayItem[]>(savedItems ?? DEFAULT);
  const hidden = ALL.filter((item) => !shown.value.includes(item));

  const move = (index: number, by: number) => {
    const next = [...shown.value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    shown.value = next;
  };
  const save = () => {
    const items = shown.value;
    return action.run(async (band) => {
      await band.display.setItems(items);
      await saveBandSettings(props.bandId, props.csrfToken, {
        display: { items, shortcuts: props.settings.display?.shortcuts ?? [] },
      });
    }, "Menu saved to the band");
  };

  return (
    <CardFrame
      id="display"
      title="Display"
      source={savedItems ? "saved" : undefined}
      tall
    >
      <p class="field-hint">The watch face always comes first.</p>
      <ol class="order-list" aria-label="Shown screens, in order">
        {shown.value.map((item, index) => (
          <li key={item} class="button-row">
            <span class="order-name">{LABELS[item]}</span>
            <button
              type="button"
              class="button button-quiet"
              aria-label={`Move ${LABELS[item]} up`}
              disabled={index === 0}
              onClick={() => move(index, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              class="button button-quiet"
              aria-label={`Move ${LABELS[item]} down`}
              disabled={index === shown.value.length - 1}
              onClick={() => move(index, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              class="button button-quiet"
              aria-label={`Hide ${LABELS[item]}`}
              onClick={() =>
                shown.value = shown.value.filter((i) => i !== item)}
            >
              Hide
            </button>
          </li>
        ))}
      </ol>
      {hidden.length > 0
        ? (
          <div class="button-row">
            <span class="field-hint">Hidden:</span>
            {hidden.map((item) => (
              <button
                type="button"
                class="button"
                key={item}
                aria-label={`Show ${LABELS[item]}`}
                onClick={() => shown.value = [...shown.value, item]}
              >
                + {LABELS[item]}
              </button>
            ))}
          </div>
        )
        : null}
      <div class="button-row">
        <button
          type="button"
          class="button button-primary"
          disabled={action.busy}
          onClick={save}
        >
          Save menu
        </button>
      </div>
      <CardNote note={action.note} />
    </CardFrame>
  );
}

/** The card, started again from the kept settings when the page has newer ones. */
export default withKeptSettings(DisplayCard);
