// Pure accumulator for one fetch round's 0x0005 packets (§11.2):
//   packet = [0] sequence (00 after each `02`, +1 per packet, wraps ff → 00)  [1 + 4i] sample i
// Samples are split by length, (length - 1) / 4 per packet, never by a fixed count: after
// the band announces a larger MTU (§32.1) packets carry more than four. Sample n sits at
// the start stamp + n minutes, counting across all packets from 0 — public clients that
// bump the counter first label everything 4 minutes late (§27.7), which this avoids.

import type { ActivityBatch, ActivitySample } from "./activity_sample.ts";
import {
  toEpochMs,
  toUtcOffsetMinutes,
  type ZonedDateTime,
} from "./date_time.ts";
import { parseActivityPacket } from "./activity_fetch.ts";
import { ProtocolError } from "./errors.ts";

/** Options for an accumulator. */
export interface ActivityAccumulatorOptions {
  /**
   * Samples the band announced, to be checked by `finish()`. Leave unset for real bands:
   * the unit of the count in the start reply is undocumented (§11.1).
   */
  expectedSamples?: number;
}

const MINUTE_MS = 60_000;

/** Collects the packets of one fetch round and turns them into an ActivityBatch placed in time. */
export class ActivityAccumulator {
  #first: ZonedDateTime;
  #expected: number | undefined;
  #samples: ActivitySample[] = [];
  #next = 0;
  #packets = 0;

  /** Starts a round at the first-sample stamp of the band's start reply. */
  constructor(first: ZonedDateTime, options: ActivityAccumulatorOptions = {}) {
    this.#first = first;
    this.#expected = options.expectedSamples;
  }

  /** Number of samples received so far. */
  get sampleCount(): number {
    return this.#samples.length;
  }

  /** Number of packets received so far. */
  get packetCount(): number {
    return this.#packets;
  }

  /** Feeds one 0x0005 notification; throws ProtocolError on a skipped or repeated sequence number. */
  push(bytes: Uint8Array): void {
    const packet = parseActivityPacket(bytes);
    if (packet.sequence !== this.#next) {
      const what =
        packet.sequence === ((this.#next - 1) & 0xff) && this.#packets > 0
          ? "duplicate"
          : "gap";
      throw new ProtocolError(
        `Cannot accumulate activity: ${what} in packet sequence, expected ${this.#next}, got ${packet.sequence}`,
        { opcode: packet.sequence, bytes },
      );
    }
    this.#next = (this.#next + 1) & 0xff;
    this.#packets++;
    for (const sample of packet.samples) this.#samples.push(sample);
  }

  /** Returns the batch so far: start instant, the band's UTC offset, and one sample per minute. */
  finish(): ActivityBatch {
    if (
      this.#expected !== undefined && this.#expected !== this.#samples.length
    ) {
      throw new ProtocolError(
        `Cannot finish activity fetch: band announced ${this.#expected} samples, got ${this.#samples.length}`,
        { bytes: new Uint8Array(0) },
      );
    }
    return {
      start: toEpochMs(this.#first, this.#first.tzQuarterHours),
      utcOffsetMinutes: toUtcOffsetMinutes(this.#first.tzQuarterHours),
      samples: this.#samples.slice(),
    };
  }
}

/** Epoch ms of the minute after a batch's last sample, the start of the next incremental fetch. */
export function toNextFetchStart(batch: ActivityBatch): number {
  return batch.start + batch.samples.length * MINUTE_MS;
}
