import { useSignal } from "@preact/signals";
import { ApiClient } from "../lib/api/client.ts";
import {
  offlineKept,
  offlineProblem,
  outboxSummary,
  queuedChanges,
  serverOutOfReach,
} from "../lib/state/offline_signals.ts";
import { formatMinutes } from "../lib/state/sync_runner.ts";
import { formatNumber } from "../components/cards/format.ts";
import * as offlineBand from "../lib/state/offline_band.ts";

/** Props: which band, and whose. */
export interface OfflineBandProps {
  bandId: string;
  userId: string;
  csrfToken: string;
  locale: string;
}

/** Formats a byte count for people: "820 B", "12 kB", "1.4 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] = bytes < 1000
    ? [bytes, "byte"]
    : bytes < 1_000_000
    ? [bytes / 1000, "kilobyte"]
    : [bytes / 1_000_000, "megabyte"];
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** Words for what waits in this browser: minutes to upload and their size, changes to save. */
export function describeWaiting(
  waiting: { minutes: number; bytes: number; changes: number },
  locale: string,
): string {
  const parts: string[] = [];
  if (waiting.minutes > 0) {
    parts.push(
      `${formatMinutes(waiting.minutes)} (${
        formatNumber(waiting.minutes, locale)
      } minutes) waiting to upload · ${
        formatBytes(waiting.bytes, locale)
      } on this browser`,
    );
  }
  if (waiting.changes > 0) {
    parts.push(
      `${waiting.changes} setting ${
        waiting.changes === 1 ? "change" : "changes"
      } waiting to be saved`,
    );
  }
  return parts.length === 0 ? "Nothing waiting to upload" : parts.join(" · ");
}

/**
 * "Use this band offline on this browser": the opt-in that keeps the band's
 * key and settings here, and what waits to upload while the server is out of
 * reach.
 */
export default function OfflineBand(props: OfflineBandProps) {
  const busy = useSignal(false);
  // While turning on or off, the box shows what was asked for.
  const asked = useSignal<boolean | null>(null);
  const note = useSignal<{ kind: "ok" | "error"; text: string } | null>(
    null,
  );
  const kept = offlineKept.value;
  const outbox = outboxSummary.value;
  const changes = queuedChanges.value;
  const waiting = (outbox?.minutes ?? 0) > 0 || changes > 0;
  const api = () => new ApiClient({ csrfToken: props.csrfToken });

  const toggle = async (on: boolean) => {
    busy.value = true;
    asked.value = on;
    note.value = null;
    try {
      const offline = offlineBand;
      if (on) {
        await offline.turnOfflineOn(api(), {
          bandId: props.bandId,
          userId: props.userId,
          now: Date.now,
        });
        note.value = {
          kind: "ok",
          text:
            "This browser now keeps the band's key and settings: connect, change settings and sync even when the server is out of reach.",
        };
      } else {
        await offline.turnOfflineOff(props.bandId);
        note.value = {
          kind: "ok",
          text: waiting
            ? "The band's key and settings left this browser. Minutes that were waiting stay on the band and upload with the next sync."
            : "The band's key and settings left this browser.",
        };
      }
    } catch (error) {
      note.value = {
        kind: "error",
        text: error instanceof Error ? error.message : String(error),
      };
    } finally {
      busy.value = false;
      asked.value = null;
    }
  };

  const upload = async () => {
    busy.value = true;
    note.value = null;
    try {
      const offline = offlineBand;
      const result = await offline.catchUp(api(), {
        bandId: props.bandId,
        now: Date.now,
      });
      note.value = {
        kind: "ok",
        text: result.busy
          ? "Another tab is uploading these minutes."
          : `Uploaded ${formatMinutes(result.minutesUploaded)} of history.`,
      };
    } catch (error) {
      note.value = {
        kind: "error",
        text: `Cannot upload now: ${
          error instanceof Error ? error.message : String(error)
        }. The minutes stay here and on the band.`,
      };
    } finally {
      busy.value = false;
    }
  };

  return (
    <div class="offline-band" id="offline-band">
      <label class="check">
        <input
          type="checkbox"
          id="offline-toggle"
          checked={asked.value ?? kept === true}
          disabled={kept === null || busy.value}
          onChange={(e) => toggle((e.target as HTMLInputElement).checked)}
        />
        Use this band offline on this browser
      </label>
      {kept
        ? (
          <p class="field-hint" id="offline-waiting" role="status">
            {describeWaiting(
              {
                minutes: outbox?.minutes ?? 0,
                bytes: outbox?.bytes ?? 0,
                changes,
              },
              props.locale,
            )}
            {waiting && (
              <>
                {" "}
                <button
                  type="button"
                  class="button button-quiet button-small"
                  disabled={busy.value}
                  onClick={upload}
                >
                  Upload now
                </button>
              </>
            )}
          </p>
        )
        : (
          <p class="field-hint">
            Keeps the band's key and settings in this browser, so the band works
            when the server is out of reach. Leave it off on a shared computer.
          </p>
        )}
      {serverOutOfReach.value && (
        <p class="notice notice-warn" id="offline-reach" role="status">
          {kept
            ? "The server is out of reach: changes and synced minutes wait in this browser, and the band keeps its history until they upload."
            : "The server is out of reach."}
        </p>
      )}
      {offlineProblem.value && (
        <p class="notice notice-error" role="alert" id="offline-problem">
          {offlineProblem.value}
        </p>
      )}
      {note.value && (
        <p
          class={`notice ${
            note.value.kind === "error" ? "notice-error" : "notice-ok"
          }`}
          role={note.value.kind === "error" ? "alert" : "status"}
          id="offline-note"
        >
          {note.value.text}
        </p>
      )}
    </div>
  );
}
