// Workout summaries (§12): the same 0x0004/0x0005 dialogue as activity with data type
// 05; each round carries one summary blob, and the next round asks from the minute
// after that workout's start. Acknowledged only after persist() resolves, as activity.

import { FETCH_DATA_TYPE } from "../../protocol/constants.ts";
import { fromEpochMs } from "../../protocol/date_time.ts";
import {
  parseWorkoutSummary,
  type WorkoutSummary,
} from "../../protocol/workouts.ts";
import type { GattTransport } from "../transport.ts";
import { BleError } from "../errors.ts";
import { abortError } from "../notification_inbox.ts";
import { FetchLink } from "./fetch_link.ts";
import { readBandTz } from "./fetch_activity.ts";
import { translateProtocolError } from "./translate_error.ts";

const MINUTE_MS = 60_000;

/** Options for fetchWorkouts(). */
export interface FetchWorkoutsOptions {
  /** Earliest workout start wanted, epoch ms. */
  since: number;
  /** Band time zone in quarter hours; read from the band's clock when omitted. */
  tzQuarterHours?: number;
  /** Stores one summary; the band's copy is acknowledged only after this resolves. */
  persist: (summary: WorkoutSummary) => Promise<void>;
  /** Never send the `03` ack. */
  keepOnBand?: boolean;
  /** Aborts between or during steps. */
  signal?: AbortSignal;
  /** Wait for each band reply, in ms (default 10 000). */
  timeoutMs?: number;
  /** Safety limit on rounds (default 1000). */
  maxRounds?: number;
}

/** Fetches workout summaries since `options.since`; resolves with the count and where to resume. */
export async function fetchWorkouts(
  transport: GattTransport,
  options: FetchWorkoutsOptions,
): Promise<{ workouts: number; nextSince: number }> {
  const tz = options.tzQuarterHours ?? await readBandTz(transport);
  const { signal } = options;
  let nextSince = options.since;
  let workouts = 0;
  const link = await FetchLink.open(transport, options.timeoutMs);
  try {
    for (let round = 0; round < (options.maxRounds ?? 1000); round++) {
      if (signal?.aborted) throw abortError(signal);
      const start = await link.start(
        FETCH_DATA_TYPE.sportsSummaries,
        { ...fromEpochMs(nextSince, tz), tzQuarterHours: tz },
        { signal },
      );
      if (start.kind === "empty") break;
      const blob = new PacketConcatenator();
      if (!await link.transfer((packet) => blob.push(packet), { signal })) {
        break;
      }
      const summary = translateProtocolError(() =>
        parseWorkoutSummary(blob.bytes())
      );
      const after = (Math.floor(summary.start / MINUTE_MS) + 1) * MINUTE_MS;
      if (after <= nextSince) {
        throw new BleError(
          "protocol",
          "Cannot fetch workouts: the band sent a workout older than requested",
        );
      }
      await options.persist(summary);
      if (!options.keepOnBand) await link.acknowledge({ signal });
      workouts++;
      nextSince = after;
    }
  } finally {
    await link.close();
  }
  return { workouts, nextSince };
}

// Workout blobs are raw bytes, not 4-byte samples, so the activity accumulator does not
// apply; the sequence byte is still checked so a lost packet never yields a short blob.
class PacketConcatenator {
  #parts: Uint8Array[] = [];
  #next = 0;

  push(packet: Uint8Array): void {
    if (packet.length < 1 || packet[0] !== this.#next) {
      throw new BleError(
        "protocol",
        `Cannot fetch workouts: packet sequence ${
          packet[0]
        } arrived, expected ${this.#next}`,
      );
    }
    this.#next = (this.#next + 1) & 0xff;
    this.#parts.push(packet.subarray(1));
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.#parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of this.#parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
}
