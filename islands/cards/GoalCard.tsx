import { useSignal } from "@preact/signals";
import type { BandSettings } from "../../lib/api/band_schemas.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";
import { saveBandSettings } from "./_shared/save_settings.ts";
import { formatNumber } from "../../components/cards/format.ts";
import { stepGoal } from "../../lib/state/band_facts.ts";
import { withKeptSettings } from "./_shared/with_kept_settings.tsx";

/** Its tab panel is hidden at load: the code loads when the card is first shown. */
export const lazy = true;

/** The daily step goal and whether the band vibrates when it is reached. */
function GoalCard(
  props: {
    bandId: string;
    csrfToken: string;
    settings: BandSettings;
    locale: string;
  },
) {
  const action = useBandAction();
  const steps = useSignal(props.settings.goal?.steps ?? 8000);
  const notify = useSignal(props.settings.goal?.notify ?? true);
  const submit = (event: Event) => {
    event.preventDefault();
    const goal = { steps: steps.value, notify: notify.value };
    if (!Number.isInteger(goal.steps) || goal.steps < 1 || goal.steps > 65535) {
      action.show({
        kind: "error",
        text: "Cannot set goal: use a whole number from 1 to 65,535 steps",
      });
      return;
    }
    return action.run(async (band) => {
      await band.settings.setStepGoal(goal.steps);
      await band.settings.setGoalNotification(goal.notify);
      await saveBandSettings(props.bandId, props.csrfToken, { goal });
      stepGoal.value = goal.steps;
    }, `Goal set to ${formatNumber(goal.steps, props.locale)} steps`);
  };
  return (
    <CardFrame
      id="goal"
      title="Step goal"
      source={props.settings.goal ? "saved" : undefined}
    >
      <form class="card-form" onSubmit={submit}>
        <div class="field">
          <label for="goal-steps">Steps a day</label>
          <input
            id="goal-steps"
            type="number"
            min={1}
            max={65535}
            value={steps.value}
            onInput={(e) =>
              steps.value = Number((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label class="check">
            <input
              type="checkbox"
              checked={notify.value}
              onChange={(e) =>
                notify.value = (e.target as HTMLInputElement).checked}
            />
            Vibrate when the goal is reached
          </label>
        </div>
        <div class="button-row">
          <button
            type="submit"
            class="button button-primary"
            disabled={action.busy}
          >
            Save goal
          </button>
        </div>
      </form>
      <CardNote note={action.note} />
    </CardFrame>
  );
}

/** The card, started again from the kept settings when the page has newer ones. */
export default withKeptSettings(GoalCard);
