import { useSignal } from "@preact/signals";
import { useRef } from "preact/hooks";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";
import { useConnectedEffect } from "./_shared/use_connected.ts";

// A repeating two-tone beep; Web Audio needs no sound file and obeys the page's autoplay rules.
function startRinging(): () => void {
  const AudioCtx = globalThis.AudioContext;
  if (!AudioCtx) return () => {};
  const context = new AudioCtx();
  const beep = () => {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(context.destination);
    osc.start();
    osc.stop(context.currentTime + 0.3);
  };
  beep();
  const timer = setInterval(beep, 800);
  return () => {
    clearInterval(timer);
    void context.close();
  };
}

/** Makes the band vibrate, and rings and flashes this page when the band looks for its phone. */
export default function FindBandCard() {
  const action = useBandAction();
  const searching = useSignal(false);
  const ringing = useSignal(false);
  const stopFind = useRef<(() => Promise<void>) | null>(null);
  const stopRing = useRef<(() => void) | null>(null);

  const ring = (on: boolean) => {
    ringing.value = on;
    document.body.classList.toggle("find-phone-flash", on);
    if (on && !stopRing.current) stopRing.current = startRinging();
    if (!on) {
      stopRing.current?.();
      stopRing.current = null;
    }
  };

  useConnectedEffect((band) => {
    const unsubscribe = band.events.subscribe((event) => {
      if (event.type === "findPhoneStart") {
        ring(true);
        void band.settings.apply({ kind: "find_phone_ack", state: "ringing" })
          .catch(() => {});
      }
      if (event.type === "findPhoneStop") ring(false);
    });
    return () => {
      unsubscribe();
      ring(false);
    };
  });

  const toggle = () => {
    if (searching.value) {
      const stop = stopFind.current;
      stopFind.current = null;
      searching.value = false;
      return action.run(() => stop ? stop() : Promise.resolve(), "Stopped");
    }
    return action.run(async (band) => {
      stopFind.current = await band.alerts.findBand();
      searching.value = true;
    }, "The band is vibrating");
  };

  return (
    <CardFrame id="find" title="Find">
      <div class="button-row">
        <button
          type="button"
          class="button"
          aria-pressed={searching.value}
          disabled={action.busy}
          onClick={toggle}
        >
          {searching.value ? "Stop vibrating" : "Find my band"}
        </button>
      </div>
      {ringing.value
        ? (
          <div class="notice notice-warn find-phone" role="alert">
            <strong>Your band is looking for this phone.</strong>
            <div class="button-row">
              <button type="button" class="button" onClick={() => ring(false)}>
                I found it
              </button>
            </div>
          </div>
        )
        : (
          <p class="field-hint">
            Start "Find phone" on the band and this page rings and flashes.
          </p>
        )}
      <CardNote note={action.note} />
    </CardFrame>
  );
}
