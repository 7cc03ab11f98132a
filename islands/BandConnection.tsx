import { useEffect } from "preact/hooks";
import { useSignal } from "@preact/signals";
import { ApiClient } from "../lib/api/client.ts";
import { ApiError } from "../lib/api/errors.ts";
import { describeBleError } from "../lib/ble/errors.ts";
import type { MiBand4 } from "../lib/ble/mi_band4.ts";
import { parseAuthKey } from "../lib/protocol/auth.ts";
import {
  connectedBand,
  connectionError,
  connectionStatus,
  installConnector,
  type UserMessage,
} from "../lib/state/band_connection.ts";
import {
  createMemoryDeviceMap,
  type DeviceMap,
  openDeviceMap,
} from "../lib/state/device_map.ts";
import { ChooserNeededError } from "../lib/state/chooser_needed.ts";
import { OutOfReachError } from "../lib/offline/reach.ts";
import { mayKeepBands, offlineKept } from "../lib/state/offline_signals.ts";
import * as offlineBand from "../lib/state/offline_band.ts";
import {
  createApiSyncServer,
  formatMinutes,
  formatProgress,
  runSync,
  type SyncProgress,
} from "../lib/state/sync_runner.ts";
import {
  followBand,
  lastSyncAt,
  publishHeartRate,
  publishSync,
  refreshToday,
} from "../lib/state/band_facts.ts";
import { formatDateTime, formatPercent } from "../components/cards/format.ts";
import { startHeartRateRecorder } from "../lib/state/heart_rate_recorder.ts";
import { formatWorkouts } from "../lib/state/workout_sync.ts";

// The offline side (IndexedDB, the outbox) is used only where this browser may
// keep the band for offline use: a page whose band is not kept never opens the
// store. (It ships in the page: a separate chunk cost more requests than bytes.)
const keptOffline = () => offlineKept.peek() === false ? null : offlineBand;

/** Props: plain data about the band the page shows. */
export interface BandConnectionProps {
  bandId: string;
  name: string;
  mac: string;
  /** A virtual band backed by the simulator. */
  virtual: boolean;
  /** The signed-in person, whose bands this browser may keep for offline use. */
  userId: string;
  csrfToken?: string;
  /** Epoch ms of the last sync the server stored, or null. */
  lastSyncAt?: number | null;
  /** The person's locale and time zone, for times and "today". */
  locale?: string;
  timeZone?: string;
}

/** Explains any connection, sync or server error: what happened and what to do. */
export function describeConnectionError(error: unknown): UserMessage {
  if (error instanceof ChooserNeededError) {
    return {
      title: "Choose your band to connect",
      action:
        'Click "Connect" and pick "Mi Smart Band 4" in Chrome\'s list; this browser has no permission for it yet',
    };
  }
  if (error instanceof OutOfReachError) {
    return { title: error.title, action: capitalize(error.action) };
  }
  if (error instanceof ApiError) {
    return { title: error.message, action: "Reload the page and try again" };
  }
  return describeBleError(error);
}

/** Words for a sync into this browser's outbox: what was read, and that the band keeps it. */
export function describeOfflineSyncResult(
  result: { minutesDone: number },
): string {
  return result.minutesDone > 0
    ? `Read ${
      formatMinutes(result.minutesDone)
    } of history from the band while the server is out of reach; it uploads when the server is back, and the band keeps its copy until then`
    : "Nothing new on the band since the last sync";
}

/** Words for a finished sync: minutes and workouts stored, or that nothing was new. */
export function describeSyncResult(
  result: { minutesDone: number; workoutsDone: number },
): string {
  const parts: string[] = [];
  if (result.minutesDone > 0) {
    parts.push(`Synced ${formatMinutes(result.minutesDone)} of history`);
  }
  if (result.workoutsDone > 0) {
    parts.push(`${formatWorkouts(result.workoutsDone)} stored`);
  }
  return parts.length === 0 ? "Already up to date" : parts.join(" · ");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

let connecting: Promise<MiBand4> | null = null;
let bandKey: Promise<string> | null = null;

/**
 * Whether opening the band without the chooser can work in this browser: it
 * needs Web Bluetooth to say why not, or a device stored for the band (the
 * first thing openBand() looks for, before any Bluetooth call).
 */
async function mayReconnect(bandId: string, map: DeviceMap): Promise<boolean> {
  const bluetooth = (navigator as { bluetooth?: Bluetooth }).bluetooth;
  if (!bluetooth) return true;
  return (await map.get(bandId).catch(() => null)) !== null;
}

/** The band page's connection: connect and reconnect, status, errors, and history sync. */
export default function BandConnection(props: BandConnectionProps) {
  const progress = useSignal<SyncProgress | null>(null);
  const summary = useSignal<string>("");
  const notes = useSignal<string[]>([]);
  const syncStop = useSignal<AbortController | null>(null);
  const connectStop = useSignal<AbortController | null>(null);
  const api = new ApiClient({ csrfToken: props.csrfToken });

  const map = (): DeviceMap =>
    typeof indexedDB === "undefined"
      ? createMemoryDeviceMap()
      : openDeviceMap();

  // The key is read once per page (the virtual band and the connection both
  // need it); a failed read is tried again next time.
  function readBandKey(): Promise<string> {
    const kept = keptOffline();
    bandKey ??=
      (kept
        ? kept.resolveBandKey(api, props.bandId)
        : api.getBandKey(props.bandId)).catch((error) => {
          bandKey = null;
          throw error;
        });
    return bandKey;
  }

  async function connect(allowChooser: boolean): Promise<MiBand4> {
    const current = connectedBand.value;
    if (current?.connected) return current;
    // One connection per band per tab: concurrent callers share the attempt.
    connecting ??= (async () => {
      connectionError.value = null;
      connectionStatus.value = "connecting";
      const stop = new AbortController();
      connectStop.value = stop;
      try {
        const key = parseAuthKey(await readBandKey());
        // The Bluetooth stack (transport, queue, protocol) loads only when there
        // is a band to open: the page itself ships without it.
        const { openBand } = await import("../lib/state/open_band.ts");
        const band = await openBand({
          bandId: props.bandId,
          mac: props.mac,
          authKey: key,
          bluetooth: (navigator as { bluetooth?: Bluetooth }).bluetooth,
          map: map(),
          // The demo band's chooser is simulated, so it needs no click and picks at once.
          allowChooser: allowChooser || props.virtual,
          onStep: (step) => (connectionStatus.value = step),
          signal: stop.signal,
        });
        let leaving = false;
        const heartRate = startHeartRateRecorder(band, {
          store: async (readings) => {
            await api.addReadings(props.bandId, "heart_rate", readings, {
              keepalive: leaving,
            });
          },
        });
        // Readings not yet sent would be lost with the tab: the band keeps no
        // copy to fetch, so send them as the page goes away.
        const flushOnLeave = () => {
          leaving = true;
          heartRate.flush().catch(() => {});
        };
        addEventListener("pagehide", flushOnLeave);
        // Device facts, battery and the step counter are read as soon as the
        // band is there, so every card shows the band's own state at once.
        const following = followBand(band);
        // Every reading the band sends (measured, streamed or all-day) is the latest heart rate.
        band.heartRate.subscribe((reading) =>
          publishHeartRate(reading.bpm, Date.now())
        );
        band.onDisconnect(() => {
          following.then((stop) => stop()).catch(() => {});
          removeEventListener("pagehide", flushOnLeave);
          heartRate.stop().catch(() => {});
          if (connectedBand.value === band) connectedBand.value = null;
          syncStop.value?.abort();
          connectionStatus.value = "idle";
          connectionError.value = {
            title: "The connection to the band was lost",
            action:
              'Keep the band close and click "Connect"; the next action reconnects by itself',
          };
        });
        connectedBand.value = band;
        connectionStatus.value = "connected";
        await following.catch(() => {
          // A band that cannot report its facts still syncs; the cards keep the stored ones.
        });
        return band;
      } catch (error) {
        // A key the band refused (changed since) is read afresh on the next try.
        bandKey = null;
        connectionStatus.value =
          error instanceof ChooserNeededError || stop.signal.aborted
            ? "idle"
            : "error";
        connectionError.value = stop.signal.aborted
          ? {
            title: "Connection cancelled",
            action: 'Click "Connect" to try again',
          }
          : describeConnectionError(error);
        throw error;
      } finally {
        connecting = null;
        connectStop.value = null;
      }
    })();
    return await connecting;
  }

  async function sync(): Promise<void> {
    if (syncStop.value) return;
    const stop = new AbortController();
    syncStop.value = stop;
    summary.value = "";
    notes.value = [];
    let band: MiBand4;
    try {
      band = await connect(false);
    } catch {
      // connect() has already said what went wrong.
      syncStop.value = null;
      return;
    }
    try {
      connectionStatus.value = "syncing";
      const kept = keptOffline();
      // Out of reach and kept for offline use: read into the outbox, acknowledge nothing.
      const intoOutbox = kept
        ? await kept.chooseOfflineSync(api, props.bandId)
        : false;
      if (!intoOutbox) await catchUpQuietly();
      const online = intoOutbox
        ? null
        : kept
        ? await kept.createOnlineSyncServer(
          createApiSyncServer(api, props.bandId),
          props.bandId,
        )
        : null;
      const result = await runSync(
        band,
        kept && intoOutbox
          ? await kept.createOutboxSyncServer(props.bandId, Date.now)
          : online ?? createApiSyncServer(api, props.bandId),
        {
          signal: stop.signal,
          onProgress: (p) => (progress.value = p),
          keepOnBand: intoOutbox,
        },
      );
      progress.value = result;
      if (kept && intoOutbox) {
        await kept.publishOutboxToday(props.bandId, {
          now: Date.now(),
          timeZone: props.timeZone ?? "UTC",
        });
        summary.value = describeOfflineSyncResult(result);
      } else {
        await online?.settle();
        publishSync(result, Date.now());
        await refreshToday(api, props.bandId).catch(() => {
          // The Today card keeps the figure it had; the next sync fetches it again.
        });
        await catchUpQuietly();
        // A minute read again only to acknowledge the band is not news.
        summary.value = describeSyncResult({
          ...result,
          minutesDone: result.minutesDone - (online?.rereadMinutes() ?? 0),
        });
      }
      notes.value = result.notes;
      connectionStatus.value = "connected";
    } catch (error) {
      connectionError.value =
        stop.signal.aborted && connectedBand.value?.connected
          ? {
            title: "Sync cancelled",
            action: 'Click "Sync now" to continue where it stopped',
          }
          : describeConnectionError(error);
      connectionStatus.value = connectedBand.value?.connected
        ? "connected"
        : "error";
    } finally {
      syncStop.value = null;
    }
  }

  // Sends what waits in this browser (settings, outbox) once the server answers;
  // whatever cannot go now stays for the next time.
  async function catchUpQuietly(): Promise<void> {
    const kept = keptOffline();
    await kept?.catchUp(api, { bandId: props.bandId, now: Date.now })
      .catch(() => {});
  }

  useEffect(() => {
    installConnector(() => connect(false), describeConnectionError);
    const savedCopy = document.getElementById("offline-banner") !== null;
    let stopListening = () => {};
    const backOnline = () => {
      catchUpQuietly();
    };
    addEventListener("online", backOnline);
    const offlineReady = (async () => {
      if (!(await mayKeepBands())) {
        offlineKept.value = false;
        return;
      }
      const kept = offlineBand;
      await kept.loadOfflineState(props.bandId, { savedCopy });
      stopListening = kept.listenForOtherTabs(props.bandId, () => {
        kept.loadOfflineState(props.bandId, { savedCopy: false });
      });
      if (!savedCopy) {
        // Online: a band removed elsewhere leaves this browser; waiting minutes go up.
        kept.forgetUnlistedBands(api, props.userId).catch(() => {});
        catchUpQuietly();
      } else {
        await kept.publishOutboxToday(props.bandId, {
          now: Date.now(),
          timeZone: props.timeZone ?? "UTC",
        });
      }
    })().catch(() => {
      // Without the offline store the page works online as before.
      offlineKept.value = false;
    });
    (async () => {
      // The key may come from this browser's copy: know that first.
      await offlineReady;
      if (props.virtual) {
        // The simulator loads only on a virtual band's page: a real band's never fetches it.
        const [key, { installDemoBand }] = await Promise.all([
          readBandKey(),
          import("../lib/state/virtual_band.ts"),
        ]);
        installDemoBand({ id: props.bandId, mac: props.mac, key });
      } else if (!(await mayReconnect(props.bandId, map()))) {
        // No band this browser could open without the chooser: say so, without
        // fetching the key or loading the Bluetooth code.
        connectionError.value = describeConnectionError(
          new ChooserNeededError(),
        );
        return;
      }
      await connect(false);
      await sync();
    })().catch((error) => {
      // connect() explains its own failures; a key that cannot be had is said here.
      connectionError.value ??= describeConnectionError(error);
    });
    return () => {
      removeEventListener("online", backOnline);
      stopListening();
    };
  }, []);

  const status = connectionStatus.value;
  const error = connectionError.value;
  const busy = status === "connecting" || status === "choosing" ||
    status === "authenticating";
  const online = status === "connected" || status === "syncing";
  const p = progress.value;
  const synced = lastSyncAt.value ?? props.lastSyncAt ?? null;
  const locale = props.locale ?? "en";
  return (
    <div class="band-connection" aria-labelledby="connection-title">
      <div class="connection-strip">
        <div class="connection-state">
          <h3 id="connection-title" class="visually-hidden">Connection</h3>
          <span
            class={`badge ${online ? "badge-accent" : ""}`}
            data-status={status}
            id="connection-status"
          >
            {STATUS_WORDS[status]}
          </span>
          <span class="field-hint" id="last-sync" data-time={synced ?? ""}>
            {synced === null
              ? "Never synced"
              : `Last synced ${
                formatDateTime(synced, {
                  locale,
                  timeZone: props.timeZone ?? "UTC",
                })
              }`}
          </span>
        </div>
        <div class="button-row">
          {!online && (
            <button
              type="button"
              class="button button-primary"
              disabled={busy}
              onClick={() => connect(true).then(() => sync()).catch(() => {})}
            >
              {busy ? "Connecting…" : "Connect"}
            </button>
          )}
          {online && !syncStop.value && (
            <button
              type="button"
              class="button button-primary"
              onClick={() => sync()}
            >
              Sync now
            </button>
          )}
          {connectStop.value && status !== "choosing" && (
            <button
              type="button"
              class="button"
              onClick={() => connectStop.value?.abort()}
            >
              Cancel
            </button>
          )}
          {syncStop.value && (
            <button
              type="button"
              class="button"
              onClick={() => syncStop.value?.abort()}
            >
              Cancel sync
            </button>
          )}
          {online && (
            <button
              type="button"
              class="button button-quiet"
              onClick={() => connectedBand.value?.disconnect()}
            >
              Disconnect
            </button>
          )}
        </div>
      </div>
      {error && (
        <div class="notice notice-error" role="alert" id="connection-error">
          <strong>{error.title}</strong>
          <p>{error.action}</p>
        </div>
      )}
      {p && (
        <div class="sync-progress" id="sync-progress">
          <label for="sync-bar">
            History sync {formatPercent(Math.round(p.fraction * 100), locale)}
          </label>
          <progress
            id="sync-bar"
            max={1000}
            value={Math.round(p.fraction * 1000)}
            aria-valuetext={formatPercent(Math.round(p.fraction * 100), locale)}
          />
          {syncStop.value && (
            <p class="field-hint" id="sync-detail">
              {formatProgress(p, locale)}
            </p>
          )}
        </div>
      )}
      {summary.value && (
        <p class="notice notice-ok" role="status" id="sync-summary">
          {summary.value}
        </p>
      )}
      {notes.value.length > 0 && (
        <ul class="notice" id="sync-notes">
          {notes.value.map((note) => <li key={note}>{note}</li>)}
        </ul>
      )}
      {props.virtual && (
        <p class="field-hint virtual-note">
          A simulated Mi Band 4 running in this page, with weeks of generated
          history.
        </p>
      )}
    </div>
  );
}

const STATUS_WORDS: Record<string, string> = {
  idle: "Not connected",
  choosing: "Choosing…",
  connecting: "Connecting…",
  authenticating: "Authenticating…",
  connected: "Connected",
  syncing: "Syncing…",
  error: "Not connected",
};
