import { useSignal } from "@preact/signals";
import { ApiClient } from "../../lib/api/client.ts";
import type { GadgetbridgeDevicePreview } from "../../lib/api/gadgetbridge_schemas.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import type { CardNoteValue } from "./_shared/use_band_action.ts";

/** Props: the band the history goes into or comes out of. */
export interface GadgetbridgeCardProps {
  bandId: string;
  csrfToken: string;
}

function describeError(error: unknown): string {
  return (error as Error)?.message ?? String(error);
}

/** Moves history in and out through Gadgetbridge's database: pick a file, see what it holds, import one device; or download an export. */
export default function GadgetbridgeCard(props: GadgetbridgeCardProps) {
  const file = useSignal<File | null>(null);
  const devices = useSignal<GadgetbridgeDevicePreview[] | null>(null);
  const chosen = useSignal<string | null>(null);
  const note = useSignal<CardNoteValue | null>(null);
  const busy = useSignal(false);
  const api = () => new ApiClient({ csrfToken: props.csrfToken });

  const pick = async (picked: File | null) => {
    file.value = picked;
    devices.value = null;
    chosen.value = null;
    if (!picked) return;
    busy.value = true;
    note.value = { kind: "pending", text: "Reading the file…" };
    try {
      const preview = await api().previewGadgetbridge(props.bandId, picked);
      devices.value = preview.devices;
      chosen.value = preview.devices[0]?.identifier ?? null;
      note.value = preview.devices.length === 0
        ? { kind: "error", text: "The file has no Mi Band history" }
        : null;
    } catch (error) {
      note.value = { kind: "error", text: describeError(error) };
    } finally {
      busy.value = false;
    }
  };

  const runImport = async () => {
    if (!file.value || !chosen.value) return;
    busy.value = true;
    note.value = { kind: "pending", text: "Importing…" };
    try {
      const result = await api().importGadgetbridge(
        props.bandId,
        file.value,
        chosen.value,
      );
      note.value = {
        kind: "ok",
        text:
          `Imported ${result.minutes} new minutes (${result.steps} steps), ${result.heartRateReadings} heart-rate readings, ${result.batteryReadings} battery readings and ${result.workouts} workouts`,
      };
    } catch (error) {
      note.value = { kind: "error", text: describeError(error) };
    } finally {
      busy.value = false;
    }
  };

  return (
    <CardFrame id="gadgetbridge" title="Data">
      <p class="field-hint">
        Import history from Gadgetbridge: its exported database (the file named
        Gadgetbridge) or its ZIP backup, up to 512 MiB. Minutes already stored
        here are kept.
      </p>
      <label class="field">
        <span>Gadgetbridge file</span>
        <input
          type="file"
          name="gadgetbridge"
          disabled={busy.value}
          onChange={(e) =>
            pick((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
        />
      </label>
      {devices.value && devices.value.length > 0
        ? (
          <fieldset class="field">
            <legend>Device to import</legend>
            {devices.value.map((d) => (
              <label key={d.identifier} class="choice">
                <input
                  type="radio"
                  name="gadgetbridge-device"
                  value={d.identifier}
                  checked={chosen.value === d.identifier}
                  onChange={() => (chosen.value = d.identifier)}
                />{" "}
                {d.name} ({d.type}, <span class="mono">{d.identifier}</span>):
                {" "}
                {d.minutes} minutes, {d.steps} steps
                {d.first && d.last
                  ? `, ${d.first.slice(0, 10)} to ${d.last.slice(0, 10)}`
                  : ""}
              </label>
            ))}
          </fieldset>
        )
        : null}
      <div class="button-row">
        <button
          type="button"
          class="button"
          disabled={busy.value || !chosen.value}
          onClick={runImport}
        >
          Import into this band
        </button>
        <a
          class="button button-quiet"
          href={`/api/bands/${props.bandId}/export?format=gadgetbridge`}
          download="Gadgetbridge"
        >
          Export for Gadgetbridge
        </a>
      </div>
      <CardNote note={note.value} />
    </CardFrame>
  );
}
