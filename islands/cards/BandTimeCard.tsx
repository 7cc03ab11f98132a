import { useSignal } from "@preact/signals";
import type { CurrentTime } from "../../lib/protocol/current_time.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";
import { useConnectedEffect } from "./_shared/use_connected.ts";
import { formatClock } from "../../components/cards/time_text.ts";

/** Its tab panel is hidden at load: the code loads when the card is first shown. */
export const lazy = true;

// The band keeps a wall clock and a zone: its fields are shown as they are, in
// the person's locale, with the zone after them.
function describeBandTime(time: CurrentTime, locale: string): string {
  const wall = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: "UTC",
  }).format(
    Date.UTC(
      time.year,
      time.month - 1,
      time.day,
      time.hour,
      time.minute,
      time.second,
    ),
  );
  const offset = time.tzQuarterHours * 15;
  const sign = offset < 0 ? "−" : "+";
  const zone = `UTC${sign}${
    formatClock(Math.floor(Math.abs(offset) / 60), Math.abs(offset) % 60)
  }`;
  return `${wall} (${zone})`;
}

/** The band's clock, and setting it from this computer's clock and zone. */
export default function BandTimeCard(props: { locale: string }) {
  const action = useBandAction();
  const bandTime = useSignal<CurrentTime | null>(null);
  const read = () =>
    action.run(async (band) => {
      bandTime.value = await band.readTime();
    });
  useConnectedEffect(async (band) => {
    bandTime.value = await band.readTime();
  });
  const setFromComputer = () =>
    action.run(async (band) => {
      await band.setTime();
      bandTime.value = await band.readTime();
    }, "Band clock set from this computer");
  const drift = bandTime.value
    ? Math.round((bandTime.value.epochMs - Date.now()) / 1000)
    : null;
  return (
    <CardFrame
      id="band-time"
      title="Band time"
      source={bandTime.value ? "band" : undefined}
    >
      <p class="stat">
        <span class="stat-value band-clock" data-testid="band-time">
          {bandTime.value
            ? describeBandTime(bandTime.value, props.locale)
            : "—"}
        </span>
        <span class="stat-label">
          {drift === null
            ? "Connect the band to read its clock."
            : Math.abs(drift) <= 2
            ? "In step with this computer."
            : `${Math.abs(drift)} s ${
              drift > 0 ? "ahead of" : "behind"
            } this computer.`}
        </span>
      </p>
      <div class="button-row">
        <button
          type="button"
          class="button"
          disabled={action.busy}
          onClick={setFromComputer}
        >
          Set from this computer
        </button>
        <button
          type="button"
          class="button"
          disabled={action.busy}
          onClick={read}
        >
          Read again
        </button>
      </div>
      <CardNote note={action.note} />
    </CardFrame>
  );
}
