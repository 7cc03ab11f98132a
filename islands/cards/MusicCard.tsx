import { useSignal } from "@preact/signals";
import type { MusicState } from "../../lib/protocol/music.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";
import { useConnectedEffect } from "./_shared/use_connected.ts";

/** Its tab panel is hidden at load: the code loads when the card is first shown. */
export const lazy = true;

const BUTTONS: Record<string, string> = {
  play: "Play",
  pause: "Pause",
  next: "Next track",
  previous: "Previous track",
  volumeUp: "Volume up",
  volumeDown: "Volume down",
  focusIn: "Music screen opened",
  focusOut: "Music screen closed",
};

/** Sets what the band's music screen shows and lists the buttons pressed on the band. */
export default function MusicCard() {
  const action = useBandAction();
  const track = useSignal("");
  const artist = useSignal("");
  const playing = useSignal(true);
  const volume = useSignal(50);
  const presses = useSignal<string[]>([]);
  const state = (): MusicState => ({
    track: track.value || undefined,
    artist: artist.value || undefined,
    playback: { playing: playing.value, positionSeconds: 0 },
    volume: volume.value,
  });
  useConnectedEffect((band) =>
    band.events.subscribe((event) => {
      if (event.type !== "music") return;
      presses.value = [
        BUTTONS[event.button] ?? `Button ${event.code}`,
        ...presses.value,
      ].slice(0, 6);
      // The band asks for the player's state when its music screen opens (§16.2).
      if (event.button === "focusIn") {
        void band.music.sendState(state()).catch(() => {});
      }
    })
  );
  const submit = (event: Event) => {
    event.preventDefault();
    const value = state();
    return action.run(
      (band) => band.music.sendState(value),
      "Music screen updated",
    );
  };
  const text = (id: string, label: string, sig: { value: string }) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        maxLength={80}
        value={sig.value}
        onInput={(e) => sig.value = (e.target as HTMLInputElement).value}
      />
    </div>
  );
  return (
    <CardFrame id="music" title="Music">
      <form class="card-form" onSubmit={submit}>
        {text("music-track", "Track", track)}
        {text("music-artist", "Artist", artist)}
        <div class="field">
          <div class="button-row">
            <label class="check">
              <input
                type="checkbox"
                checked={playing.value}
                onChange={(e) =>
                  playing.value = (e.target as HTMLInputElement).checked}
              />
              Playing
            </label>
            <label for="music-volume">Volume</label>
            <input
              id="music-volume"
              type="range"
              min={0}
              max={100}
              value={volume.value}
              onInput={(e) =>
                volume.value = Number((e.target as HTMLInputElement).value)}
            />
          </div>
        </div>
        <div class="button-row">
          <button
            type="submit"
            class="button"
            disabled={action.busy}
          >
            Show on band
          </button>
        </div>
      </form>
      <h3 class="card-subhead">Buttons pressed on the band</h3>
      {presses.value.length === 0
        ? (
          <p class="field-hint">
            None yet: open the music screen on the band and press a button.
          </p>
        )
        : (
          <ul class="press-list" aria-live="polite" data-testid="music-presses">
            {presses.value.map((p, i) => <li key={i}>{p}</li>)}
          </ul>
        )}
      <CardNote note={action.note} />
    </CardFrame>
  );
}
