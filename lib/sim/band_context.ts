// What a characteristic handler may touch: the state, the clock, randomness, timers
// and the notify path. Handlers never see VirtualBand itself, so each stays small.
import { RESPONSE } from "../protocol/constants.ts";
import type { BandState } from "./band_state.ts";

/** Timer functions, injectable so tests can drive time by hand. */
export interface Scheduler {
  /** Runs `fn` after `ms` milliseconds; returns a function that cancels it. */
  schedule(fn: () => void, ms: number): () => void;
}

/** Tunable behaviour of the simulated band; all fields have realistic defaults. */
export interface BandBehaviour {
  /** Most samples sent per fetch start (§11.7, default 1440). */
  fetchBatchLimit: number;
  /** Samples per 0x0005 packet (4 at MTU 23, up to 61 at MTU 247; default 4). */
  samplesPerPacket: number;
  /** Delay before the one-shot heart-rate reading (default 8000 ms). */
  oneShotHeartRateDelayMs: number;
  /** Interval of continuous heart-rate notifications (default 1500 ms). */
  continuousHeartRateIntervalMs: number;
  /** Continuous mode stops this long after the last keep-alive (default 15000 ms). */
  keepAliveTimeoutMs: number;
  /** Realtime steps are re-notified this often while subscribed (default 60000 ms). */
  realtimeIntervalMs: number;
  /** Announce MTU 23 then 247 on 0x0010 after it is subscribed, as in §32.1 (default false). */
  announceMtu: boolean;
}

/** The services a handler uses. */
export interface BandContext {
  /** The band's state, mutated in place. */
  readonly state: BandState;
  /** Tunable behaviour. */
  readonly behaviour: BandBehaviour;
  /** Current real instant in epoch ms (injected). */
  now(): number;
  /** Returns n random bytes (injected so tests fix the auth challenge). */
  randomBytes(n: number): Uint8Array;
  /** Timers. */
  readonly scheduler: Scheduler;
  /** Sends a notification on a characteristic if the client subscribed to it. */
  notify(characteristic: string, value: Uint8Array): void;
}

/** Builds a `10 <echo…> <status>` reply, the envelope of §3.3. */
export function encodeReply(
  echo: ArrayLike<number>,
  status: number,
): Uint8Array {
  const out = new Uint8Array(echo.length + 2);
  out[0] = RESPONSE.header;
  out.set(Array.from(echo), 1);
  out[echo.length + 1] = status;
  return out;
}
