import assert from "node:assert/strict";
import {
  ActivityAccumulator,
  toNextFetchStart,
} from "../../lib/protocol/activity_accumulator.ts";
import {
  encodeFetchStart,
  parseFetchReply,
} from "../../lib/protocol/activity_fetch.ts";
import {
  encodeAuthAnswer,
  encodeChallengeRequest,
  encryptChallenge,
  expectChallenge,
} from "../../lib/protocol/auth.ts";
import { fromEpochMs } from "../../lib/protocol/date_time.ts";
import type { ActivitySample } from "../../lib/protocol/activity_sample.ts";
import {
  CHARACTERISTIC as C,
  SERVICE as S,
} from "../../lib/protocol/constants.ts";
import {
  createSimTransport,
  createVirtualBand,
  generateHistory,
  type SimTransport,
} from "../../lib/sim/mod.ts";
import { hex } from "./_helpers.ts";

const KEY = hex("30313233343536373839404142434445");
const NO_RESPONSE = { withResponse: false };

function nextNotification(inbox: Uint8Array[]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const value = inbox.shift();
      if (value) return resolve(value);
      if (Date.now() - started > 1000) {
        return reject(new Error("Cannot read reply: timed out"));
      }
      setTimeout(poll, 0);
    };
    poll();
  });
}

async function authenticate(transport: SimTransport): Promise<void> {
  const inbox: Uint8Array[] = [];
  await transport.subscribe(S.miBand2, C.auth, (v) => inbox.push(v));
  await transport.write(
    S.miBand2,
    C.auth,
    encodeChallengeRequest(),
    NO_RESPONSE,
  );
  const challenge = expectChallenge(await nextNotification(inbox));
  await transport.write(
    S.miBand2,
    C.auth,
    encodeAuthAnswer(await encryptChallenge(KEY, challenge)),
    NO_RESPONSE,
  );
  assert.deepEqual(await nextNotification(inbox), hex("10 03 01"));
}

Deno.test("a generated week syncs in 1440-sample rounds into exactly the stored samples", async () => {
  const end = Date.UTC(2024, 2, 10, 12);
  const { batch, workouts } = generateHistory({
    end,
    weeks: 1,
    seed: 42,
    utcOffsetMinutes: 60,
  });
  const band = createVirtualBand({
    now: () => end,
    utcOffsetMinutes: 60,
    history: batch,
    workouts,
  });
  const transport = createSimTransport(band);
  await authenticate(transport);
  const control: Uint8Array[] = [];
  let accumulator: ActivityAccumulator | null = null;
  await transport.subscribe(S.miBand1, C.fetchControl, (v) => control.push(v));
  await transport.subscribe(
    S.miBand1,
    C.fetchData,
    (v) => accumulator?.push(v),
  );
  const received: ActivitySample[] = [];
  let since = batch.start;
  let rounds = 0;
  for (;;) {
    await transport.write(
      S.miBand1,
      C.fetchControl,
      encodeFetchStart(1, { ...fromEpochMs(since, 4), tzQuarterHours: 4 }),
      NO_RESPONSE,
    );
    const reply = parseFetchReply(await nextNotification(control));
    assert.equal(reply.kind, "started");
    if (reply.kind !== "started" || reply.count === 0) break;
    rounds++;
    accumulator = new ActivityAccumulator(reply.first, {
      expectedSamples: reply.count,
    });
    await transport.write(S.miBand1, C.fetchControl, hex("02"), NO_RESPONSE);
    assert.deepEqual(await nextNotification(control), hex("10 02 01"));
    const got = accumulator.finish();
    assert.equal(got.start, since);
    received.push(...got.samples);
    since = toNextFetchStart(got);
  }
  assert.equal(rounds, 7);
  assert.deepEqual(received, batch.samples);
});
