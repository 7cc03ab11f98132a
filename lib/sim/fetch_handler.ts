// Band side of the history dialogue (§11.1, rules §11.7). One start answers at most
// `fetchBatchLimit` samples; the client asks again from the next minute, as GB does.
import {
  CHARACTERISTIC,
  FETCH,
  FETCH_DATA_TYPE,
  RESPONSE,
} from "../protocol/constants.ts";
import {
  encodeZonedDateTime,
  fromEpochMs,
  parseFetchStamp,
  toEpochMs,
} from "../protocol/date_time.ts";
import { type BandContext, encodeReply } from "./band_context.ts";

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
    const command = value[0];
    if (command === FETCH.startDate) return this.#start(value);
    if (command === FETCH.transfer) return this.#transfer();
    if (command === FETCH.ack) return this.#ack();
  }

  /** Drops any fetch in progress, as on a disconnect. */
  reset(): void {
    this.#pending = null;
    this.#lastSent = null;
    this.#forceBusy = false;
  }

  #start(value: Uint8Array): void {
    if (this.#pending || this.#forceBusy) {
      this.#forceBusy = false;
      return this.#reply([FETCH.startDate], RESPONSE.busy);
    }
    if (value.length < 10) {
      return this.#reply([FETCH.startDate], RESPONSE.failure);
    }
    const stampBytes = value.subarray(2, 10);
    const type = value[1];
    const requested = parseFetchStamp(stampBytes);
    const since = toEpochMs(requested, requested.tzQuarterHours);
    const batch = type === FETCH_DATA_TYPE.activity
      ? this.#chooseBatch(since)
      : null;
    if (!batch) {
      const out = new Uint8Array(15);
      out.set(encodeReply([FETCH.startDate], RESPONSE.success));
      out.set(stampBytes, 7);
      return this.#context.notify(CHARACTERISTIC.fetchControl, out);
    }
    this.#pending = batch;
    const history = this.#context.state.history;
    const tz = history.utcOffsetMinutes / 15;
    const first = fromEpochMs(history.start + batch.from * MINUTE_MS, tz);
    const out = new Uint8Array(15);
    out.set(encodeReply([FETCH.startDate], RESPONSE.success));
    new DataView(out.buffer).setUint32(3, batch.count, true);
    out.set(encodeZonedDateTime({ ...first, tzQuarterHours: tz }), 7);
    this.#context.notify(CHARACTERISTIC.fetchControl, out);
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
    if (!batch) return this.#reply([FETCH.transfer], RESPONSE.failure);
    const samples = this.#context.state.history.samples;
    const perPacket = Math.max(1, this.#context.behaviour.samplesPerPacket);
    let sequence = 0;
    for (let i = 0; i < batch.count; i += perPacket) {
      const n = Math.min(perPacket, batch.count - i);
      const packet = new Uint8Array(1 + 4 * n);
      packet[0] = sequence;
      for (let k = 0; k < n; k++) {
        const s = samples[batch.from + i + k];
        packet.set([s.kind, s.intensity, s.steps, s.heartRate], 1 + 4 * k);
      }
      this.#context.notify(CHARACTERISTIC.fetchData, packet);
      sequence = (sequence + 1) & 0xff;
    }
    this.#pending = null;
    this.#lastSent = batch;
    this.#reply([FETCH.transfer], RESPONSE.success);
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
    this.#reply([FETCH.ack], RESPONSE.success);
  }

  #reply(echo: number[], status: number): void {
    this.#context.notify(
      CHARACTERISTIC.fetchControl,
      encodeReply(echo, status),
    );
  }
}
