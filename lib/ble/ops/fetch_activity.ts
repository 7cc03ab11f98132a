// Incremental activity sync (§11.5): ask from `since`, take the band's batch, hand it
// to the caller's persist(), and only once that resolves send the `03` ack that lets
// the band drop it; then ask again from the minute after the last sample. Anything
// that goes wrong before persist() resolves leaves the band's copy untouched.

import type { ActivityBatch } from "../../protocol/activity_sample.ts";
import {
  ActivityAccumulator,
  toNextFetchStart,
} from "../../protocol/activity_accumulator.ts";
import {
  CHARACTERISTIC,
  FETCH_DATA_TYPE,
  SERVICE,
} from "../../protocol/constants.ts";
import { parseCurrentTime } from "../../protocol/current_time.ts";
import { fromEpochMs } from "../../protocol/date_time.ts";
import type { GattTransport } from "../transport.ts";
import { abortError } from "../notification_inbox.ts";
import { FetchLink } from "./fetch_link.ts";
import { translateProtocolError } from "./translate_error.ts";

const MINUTE_MS = 60_000;

/** Progress after each stored batch. */
export interface FetchProgress {
  /** Batches stored so far. */
  batches: number;
  /** Samples stored so far. */
  samples: number;
  /** Where the next batch starts (epoch ms), i.e. last stored minute + 1 minute. */
  nextSince: number;
}

/** Options for fetchActivity(). */
export interface FetchActivityOptions {
  /** First wanted minute, epoch ms (usually the previous sync's nextSince). */
  since: number;
  /** Band time zone in quarter hours; read from the band's clock when omitted. */
  tzQuarterHours?: number;
  /** Stores one batch durably; the band's copy is acknowledged only after this resolves. */
  persist: (batch: ActivityBatch) => Promise<void>;
  /** Never send the `03` ack, so the band keeps everything (Gadgetbridge's "keep data on device"). */
  keepOnBand?: boolean;
  /** Aborts the sync between or during steps. */
  signal?: AbortSignal;
  /** Called after each stored batch. */
  onProgress?: (progress: FetchProgress) => void;
  /** Current instant in epoch ms; the sync stops once the last sample reaches it. */
  now?: () => number;
  /** Wait for each band reply, in ms (default 10 000). */
  timeoutMs?: number;
  /** Safety limit on rounds (default 10 000). */
  maxRounds?: number;
}

/** Fetches all activity since `options.since`, batch by batch; resolves with the final progress. */
export async function fetchActivity(
  transport: GattTransport,
  options: FetchActivityOptions,
): Promise<FetchProgress> {
  const now = options.now ?? Date.now;
  const { signal } = options;
  const tz = options.tzQuarterHours ?? await readBandTz(transport);
  const progress: FetchProgress = {
    batches: 0,
    samples: 0,
    nextSince: options.since,
  };
  const link = await FetchLink.open(transport, options.timeoutMs);
  // The ack of a stored batch rides along with the next start request; see FetchLink.start.
  let ackDue = false;
  try {
    for (let round = 0; round < (options.maxRounds ?? 10_000); round++) {
      throwIfAborted(signal);
      const since = progress.nextSince;
      const start = await link.start(
        FETCH_DATA_TYPE.activity,
        { ...fromEpochMs(since, tz), tzQuarterHours: tz },
        { signal, acknowledgeFirst: ackDue },
      );
      ackDue = false;
      if (start.kind === "empty") break;
      const accumulator = new ActivityAccumulator(start.first);
      const complete = await link.transfer(
        (packet) => accumulator.push(packet),
        { signal },
      );
      // `10 02 04` means the band gave up: nothing from this round is trusted or acknowledged.
      if (!complete) break;
      const batch = dropBefore(
        translateProtocolError(() => accumulator.finish()),
        since,
      );
      if (batch.samples.length === 0) break;
      throwIfAborted(signal);
      await options.persist(batch);
      ackDue = !options.keepOnBand;
      progress.batches++;
      progress.samples += batch.samples.length;
      progress.nextSince = toNextFetchStart(batch);
      options.onProgress?.({ ...progress });
      if (progress.nextSince >= now()) break;
    }
    if (ackDue) await link.acknowledge({ signal });
  } finally {
    await link.close();
  }
  return progress;
}

/** Reads the band's time-zone byte from its clock (§18). */
export async function readBandTz(transport: GattTransport): Promise<number> {
  const bytes = await transport.read(
    SERVICE.miBand1,
    CHARACTERISTIC.currentTime,
  );
  return translateProtocolError(() => parseCurrentTime(bytes)).tzQuarterHours;
}

// A band must start at or after the requested minute; should it not, minutes already
// stored are cut here so a sync never duplicates one.
function dropBefore(batch: ActivityBatch, since: number): ActivityBatch {
  const skip = Math.max(0, Math.ceil((since - batch.start) / MINUTE_MS));
  if (skip === 0) return batch;
  return {
    start: batch.start + skip * MINUTE_MS,
    utcOffsetMinutes: batch.utcOffsetMinutes,
    samples: batch.samples.slice(skip),
  };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}
