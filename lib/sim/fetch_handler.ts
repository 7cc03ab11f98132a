// Band side of the history dialogue (§11.1, rules §11.7). One start answers at most
// `fetchBatchLimit` samples; the client asks again from the next minute, as GB does.
// Sports summaries (type 05) answer one workout per round (§12); other types count 0.
import {
  encodeActivityPackets,
  encodeFetchStartReply,
  encodeFetchStatus,
  type FetchCommand,
  parseFetchCommand,
} from "../protocol/activity_fetch.ts";
import {
  CHARACTERISTIC,
  FETCH_DATA_TYPE,
  RESPONSE,
} from "../protocol/constants.ts";
import { fromEpochMs, toEpochMs } from "../protocol/date_time.ts";
import { encodeWorkoutSummary } from "../protocol/workouts.ts";
import type { BandContext } from "./band_context.ts";
import type { SimWorkout } from "./sim_workout.ts";

const MINUTE_MS = 60_000;

interface PendingBatch {
  /** Index of the first sample in the stored history, or -1 for a workout summary. */
  from: number;
  /** Number of samples (or summary bytes) to stream. */
  count: number;
  /** The summary blob of a type 05 round. */
  summary?: Uint8Array;
}

// [UNCONFIRMED] §12: which summary version the band 4 emits is unknown; 512 is the
// first of the current layouts Gadgetbridge parses.
const SUMMARY_VERSION = 512;

/** One connection's fetch exchange on 0x0004/0x0005. */
export class FetchSession {
  #context: BandContext;
  #pending: PendingBatch | null = null;
  #lastSent: PendingBatch | null = null;
  #forceBusy = false;

  constructor(context: BandContext) {
    this.#context = context;
  }

  /** Makes the next start-date request fail with `10 01 02`, as if a fetch were running. */
  refuseNextStart(): void {
    this.#forceBusy = true;
  }

  /** Whether a start was accepted and its data not yet streamed. */
  get running(): boolean {
    return this.#pending !== null;
  }

  /** Handles a write to 0x0004. */
  handleWrite(value: Uint8Array): void {
    let command: FetchCommand;
    try {
      command = parseFetchCommand(value);
    } catch {
      if (value[0] === 0x01) {
        this.#reply(encodeFetchStatus("start", RESPONSE.failure));
      }
      return;
    }
    if (command.kind === "start") {
      return this.#start(
        command.dataType,
        toEpochMs(command.since, command.since.tzQuarterHours),
        value,
      );
    }
    if (command.kind === "transfer") return this.#transfer();
    this.#ack();
  }

  /** Drops any fetch in progress, as on a disconnect. */
  reset(): void {
    this.#pending = null;
    this.#lastSent = null;
    this.#forceBusy = false;
  }

  #start(dataType: number, since: number, request: Uint8Array): void {
    if (this.#pending || this.#forceBusy) {
      this.#forceBusy = false;
      return this.#reply(encodeFetchStatus("start", RESPONSE.busy));
    }
    const batch = dataType === FETCH_DATA_TYPE.activity
      ? this.#chooseBatch(since)
      : dataType === FETCH_DATA_TYPE.sportsSummaries
      ? this.#chooseWorkout(since)
      : null;
    if (!batch) {
      // §11.7: an empty answer repeats the requested stamp bytes as they came.
      const out = new Uint8Array(15);
      out.set([RESPONSE.header, request[0], RESPONSE.success]);
      out.set(request.subarray(2, 10), 7);
      return this.#reply(out);
    }
    this.#pending = batch;
    const history = this.#context.state.history;
    const tz = history.utcOffsetMinutes / 15;
    const at = batch.summary
      ? this.#workoutAt(since)!.start
      : history.start + batch.from * MINUTE_MS;
    const first = fromEpochMs(at, tz);
    this.#reply(
      encodeFetchStartReply(batch.count, { ...first, tzQuarterHours: tz }),
    );
  }

  #chooseBatch(since: number): PendingBatch | null {
    const history = this.#context.state.history;
    const from = Math.max(0, Math.ceil((since - history.start) / MINUTE_MS));
    const count = Math.min(
      this.#context.behaviour.fetchBatchLimit,
      history.samples.length - from,
    );
    return count > 0 ? { from, count } : null;
  }

  #workoutAt(since: number): SimWorkout | undefined {
    return this.#context.state.workouts.find((w) => w.start >= since);
  }

  #chooseWorkout(since: number): PendingBatch | null {
    const workout = this.#workoutAt(since);
    if (!workout) return null;
    const summary = encodeWorkoutSummary({
      version: SUMMARY_VERSION,
      typeCode: workout.type,
      start: workout.start,
      end: workout.end,
      baseLongitude: 0,
      baseLatitude: 0,
      baseAltitude: 0,
      steps: workout.steps,
      activeSeconds: Math.round((workout.end - workout.start) / 1000),
      calories: workout.calories,
      distanceMeters: workout.distanceMeters,
      ascentMeters: 0,
      descentMeters: 0,
      averageHeartRate: workout.averageHeartRate,
      maxHeartRate: workout.maxHeartRate,
      minHeartRate: null,
      averagePaceSecondsPerKm: Math.round(
        (workout.end - workout.start) / workout.distanceMeters,
      ),
      averageStrideCm: Math.round(
        workout.distanceMeters * 100 / Math.max(1, workout.steps),
      ),
    });
    return { from: -1, count: summary.length, summary };
  }

  #packets(batch: PendingBatch): Uint8Array[] {
    const samplesPerPacket = this.#context.behaviour.samplesPerPacket;
    const summary = batch.summary;
    if (!summary) {
      const samples = this.#context.state.history.samples.slice(
        batch.from,
        batch.from + batch.count,
      );
      return encodeActivityPackets(samples, { samplesPerPacket });
    }
    // Summaries use the same sequence-byte framing, filled to the packet size of the link.
    const size = samplesPerPacket * 4;
    const packets: Uint8Array[] = [];
    for (let i = 0; i < summary.length; i += size) {
      const part = summary.subarray(i, i + size);
      const packet = new Uint8Array(1 + part.length);
      packet[0] = packets.length & 0xff;
      packet.set(part, 1);
      packets.push(packet);
    }
    return packets;
  }

  #transfer(): void {
    const batch = this.#pending;
    if (!batch) {
      return this.#reply(encodeFetchStatus("transfer", RESPONSE.failure));
    }
    for (const packet of this.#packets(batch)) {
      this.#context.notify(CHARACTERISTIC.fetchData, packet);
    }
    this.#pending = null;
    this.#lastSent = batch;
    this.#reply(encodeFetchStatus("transfer", RESPONSE.success));
  }

  #ack(): void {
    const sent = this.#lastSent;
    if (sent && !sent.summary) {
      const state = this.#context.state;
      state.syncedMinutes = Math.max(
        state.syncedMinutes,
        sent.from + sent.count,
      );
    }
    this.#lastSent = null;
    this.#reply(encodeFetchStatus("ack", RESPONSE.success));
  }

  #reply(value: Uint8Array): void {
    this.#context.notify(CHARACTERISTIC.fetchControl, value);
  }
}
