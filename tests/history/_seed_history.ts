// Test-only seeding: a signed-in person with one band and generated history,
// written through lib/db exactly as uploads are.

import { createBand } from "../../lib/db/bands.ts";
import { type DecodedBatch, storeSamples } from "../../lib/db/samples.ts";
import { createUser } from "../../lib/db/users.ts";
import { SESSION_COOKIE, startSession } from "../../lib/auth/session.ts";
import { type ActivitySample, encodeSamples } from "../../lib/minute/sample.ts";
import { generateHistory } from "../../lib/sim/history_generator.ts";

const MINUTE_MS = 60_000;
/** Minutes per stored batch: 30 days keeps each upload under the 32-UTC-day limit. */
const CHUNK_MINUTES = 30 * 1440;

/** A seeded person and band. */
export interface SeededBand {
  userId: string;
  bandId: string;
  /** The `Cookie` header value that signs the person in. */
  cookie: string;
}

/** Packs samples into the 4-bytes-a-minute layout uploads use. */
export function packSamples(samples: readonly ActivitySample[]): Uint8Array {
  return encodeSamples(samples);
}

/** Stores samples from `start` in 30-day uploads, as a syncing browser would. */
export async function storeSampleRun(
  kv: Deno.Kv,
  bandId: string,
  run: { start: number; utcOffsetMinutes: number; samples: ActivitySample[] },
  options: { timeZone: string; now: number },
): Promise<void> {
  for (let i = 0; i < run.samples.length; i += CHUNK_MINUTES) {
    const batch: DecodedBatch = {
      start: run.start + i * MINUTE_MS,
      utcOffsetMinutes: run.utcOffsetMinutes,
      bytes: packSamples(run.samples.slice(i, i + CHUNK_MINUTES)),
    };
    await storeSamples(kv, bandId, [batch], options);
  }
}

/** Creates a person (with a session) and a band; `weeks` of generated history end at `end`. */
export async function seedPersonWithBand(
  kv: Deno.Kv,
  options: {
    username?: string;
    timeZone: string;
    now: number;
    weeks?: number;
    end?: number;
    utcOffsetMinutes?: number;
    stepGoal?: number;
    role?: "owner" | "member";
  },
): Promise<SeededBand> {
  const userId = crypto.randomUUID();
  const username = options.username ?? "ada";
  const created = await createUser(kv, {
    id: userId,
    username,
    passwordHash: "not-a-real-hash",
    role: options.role ?? "owner",
    timeZone: options.timeZone,
    createdAt: options.now,
  });
  if (!created.ok) throw new Error(`Cannot seed user ${username}`);
  const { token } = await startSession(kv, userId, { now: options.now });
  const bandId = crypto.randomUUID();
  const band = await createBand(kv, {
    id: bandId,
    userId,
    name: "Blue band",
    mac: "C8:0F:10:AA:BB:CC",
    authKey: "8f1e2d3c4b5a69788796a5b4c3d2e1f0",
    model: "Mi Smart Band 4",
    firmwareRevision: null,
    hardwareRevision: null,
    lastBattery: null,
    settings: options.stepGoal
      ? { goal: { steps: options.stepGoal, notify: false } }
      : {},
    createdAt: options.now,
  });
  if (!band.ok) throw new Error("Cannot seed band");
  if (options.weeks) {
    const { batch } = generateHistory({
      end: options.end ?? options.now,
      weeks: options.weeks,
      seed: 7,
      utcOffsetMinutes: options.utcOffsetMinutes ?? 0,
    });
    await storeSampleRun(kv, bandId, batch, options);
  }
  return { userId, bandId, cookie: `${SESSION_COOKIE}=${token}` };
}
