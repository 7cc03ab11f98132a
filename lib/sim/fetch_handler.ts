// Band side of the history dialogue (§11.1, rules §11.7). One start answers at most
// `fetchBatchLimit` samples; the client asks again from the next minute, as GB does.
// Only activity (type 01) has data here; other types answer with count 0.
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
import type { BandContext } from "./band_context.ts";

const MINUTE_MS = 60_000;

interface PendingBatch {
  /** Index of the first sample in the stored history. */
  from: number;
  /** Number of samples to stream. */
  count: number;
}

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
    const first = fromEpochMs(history.start + batch.from * MINUTE_MS, tz);
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

  #transfer(): void {
    const batch = this.#pending;
    if (!batch) {
      return this.#reply(encodeFetchStatus("transfer", RESPONSE.failure));
    }
    const samples = this.#context.state.history.samples.slice(
      batch.from,
      batch.from + batch.count,
    );
    const samplesPerPacket = this.#context.behaviour.samplesPerPacket;
    for (const packet of encodeActivityPackets(samples, { samplesPerPacket })) {
      this.#context.notify(CHARACTERISTIC.fetchData, packet);
    }
    this.#pending = null;
    this.#lastSent = batch;
    this.#reply(encodeFetchStatus("transfer", RESPONSE.success));
  }

  #ack(): void {
    const sent = this.#lastSent;
    if (sent) {
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
