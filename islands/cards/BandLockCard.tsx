import { useSignal } from "@preact/signals";
import type { BandSettings } from "../../lib/api/band_schemas.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";
import { saveGeneralSettings } from "./_shared/general_settings.ts";
import { withKeptSettings } from "./_shared/with_kept_settings.tsx";

/** Its tab panel is hidden at load: the code loads when the card is first shown. */
export const lazy = true;

/** The band's screen lock: a 4-digit PIN of digits 1–4; the PIN itself is never stored on the server. */
function BandLockCard(
  props: { bandId: string; csrfToken: string; settings: BandSettings },
) {
  const action = useBandAction();
  const pin = useSignal("");
  const locked = useSignal(props.settings.general?.band_lock === true);
  const apply = (enabled: boolean) => {
    if (enabled && !/^[1-4]{4}$/.test(pin.value)) {
      action.show({
        kind: "error",
        text: "Cannot lock band: the PIN must be 4 digits, each 1 to 4",
      });
      return;
    }
    const code = enabled ? pin.value : "1234";
    return action.run(async (band) => {
      await band.settings.apply({ kind: "band_lock", enabled, pin: code });
      await saveGeneralSettings(props.bandId, props.csrfToken, {
        change: { band_lock: enabled },
      });
      pin.value = "";
      locked.value = enabled;
    }, enabled ? "Band lock on" : "Band lock off");
  };
  return (
    <CardFrame
      id="band-lock"
      title="Band lock"
      source={props.settings.general?.band_lock !== undefined
        ? "saved"
        : undefined}
    >
      <p class="field-hint">
        {locked.value
          ? "The band asks for its PIN when taken off."
          : "The band is not locked."}
      </p>
      <form
        class="card-form"
        onSubmit={(e) => {
          e.preventDefault();
          apply(true);
        }}
      >
        <div class="field">
          <label for="band-pin">PIN (4 digits, each 1–4)</label>
          <input
            id="band-pin"
            type="password"
            inputMode="numeric"
            autocomplete="off"
            maxLength={4}
            pattern="[1-4]{4}"
            value={pin.value}
            onInput={(e) => pin.value = (e.target as HTMLInputElement).value}
          />
        </div>
        <div class="button-row">
          <button
            type="submit"
            class="button"
            disabled={action.busy}
          >
            Lock band
          </button>
          <button
            type="button"
            class="button"
            disabled={action.busy}
            onClick={() => apply(false)}
          >
            Turn lock off
          </button>
        </div>
      </form>
      <CardNote note={action.note} />
    </CardFrame>
  );
}

/** The card, started again from the kept settings when the page has newer ones. */
export default withKeptSettings(BandLockCard);
