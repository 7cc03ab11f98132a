import { useSignal } from "@preact/signals";
import { ApiClient } from "../lib/api/client.ts";
import type { TakeoutRestoreResult } from "../lib/api/takeout_schemas.ts";
import { CardNote } from "./cards/_shared/CardNote.tsx";
import type { CardNoteValue } from "./cards/_shared/use_band_action.ts";

/** Props: the session's CSRF token for the upload. */
export interface RestoreArchiveProps {
  csrfToken: string;
}

/** Says what a restore did, band by band. */
function describeResult(result: TakeoutRestoreResult): string {
  if (result.bands.length === 0) return "The archive holds no bands";
  const bands = result.bands.map((b) =>
    `${b.name} (${
      b.created ? "added" : "existing"
    }): ${b.minutes} new minutes, ${b.readings} readings, ${b.workouts} workouts`
  );
  return `Restored ${bands.join("; ")}`;
}

/** Uploads a takeout ZIP and restores its bands and history into this account. */
export default function RestoreArchive(props: RestoreArchiveProps) {
  const file = useSignal<File | null>(null);
  const note = useSignal<CardNoteValue | null>(null);
  const busy = useSignal(false);

  const restore = async () => {
    if (!file.value) return;
    busy.value = true;
    note.value = {
      kind: "pending",
      text: "Checking and restoring the archive…",
    };
    try {
      const result = await new ApiClient({ csrfToken: props.csrfToken })
        .restoreTakeout(file.value);
      note.value = { kind: "ok", text: describeResult(result) };
    } catch (error) {
      note.value = {
        kind: "error",
        text: (error as Error)?.message ?? String(error),
      };
    } finally {
      busy.value = false;
    }
  };

  return (
    <div class="card-form">
      <label class="field">
        <span>Takeout archive (ZIP, up to 512 MiB)</span>
        <input
          type="file"
          name="takeout"
          accept=".zip,application/zip"
          disabled={busy.value}
          onChange={(e) => {
            file.value = (e.currentTarget as HTMLInputElement).files?.[0] ??
              null;
            note.value = null;
          }}
        />
      </label>
      <div class="button-row">
        <button
          type="button"
          class="button"
          disabled={busy.value || !file.value}
          onClick={restore}
        >
          Restore from this archive
        </button>
      </div>
      <CardNote note={note.value} />
    </div>
  );
}
