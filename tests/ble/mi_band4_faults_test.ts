import assert from "node:assert/strict";
import { BleError, describeBleError } from "../../lib/ble/errors.ts";
import { MiBand4 } from "../../lib/ble/mi_band4.ts";
import { CHARACTERISTIC } from "../../lib/protocol/constants.ts";
import { SimTransport } from "../../lib/sim/sim_transport.ts";
import { connectSim, createSim, TEST_KEY } from "./sim_setup.ts";

function isBle(code: string, message?: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof BleError, `expected a BleError, got ${err}`);
    assert.equal(err.code, code);
    if (message) assert.match(err.message, message);
    return true;
  };
}

Deno.test("connect: a link dropped on the auth answer rejects with disconnected", async () => {
  const sim = createSim();
  const link = new SimTransport(sim);
  link.faults.dropLinkOnWrite({
    characteristic: CHARACTERISTIC.auth,
    prefix: [0x03],
  });
  await assert.rejects(
    MiBand4.connect(link, { authKey: TEST_KEY }),
    isBle("disconnected"),
  );
  assert.equal(sim.state.authenticated, false);
});

Deno.test("connect: a band that stops answering rejects with timeout", async () => {
  const sim = createSim();
  const link = new SimTransport(sim);
  link.faults.stopAnswering();
  await assert.rejects(
    MiBand4.connect(link, { authKey: TEST_KEY, timeoutMs: 30 }),
    isBle(
      "timeout",
      /^Cannot start notifications on 0009: no answer within 30 ms$/,
    ),
  );
});

Deno.test("connect: a lost challenge rejects with timeout, not a hang", async () => {
  const sim = createSim();
  const link = new SimTransport(sim);
  link.faults.loseNotification({ characteristic: CHARACTERISTIC.auth });
  // The writes before the lost challenge share this timeout: 30 ms was short
  // enough for a busy machine to time out one of them instead.
  await assert.rejects(
    MiBand4.connect(link, { authKey: TEST_KEY, timeoutMs: 300 }),
    isBle(
      "timeout",
      /^Cannot get an auth challenge from the band: no answer within 300 ms$/,
    ),
  );
});

Deno.test("a GATT error from Chrome becomes a typed error and the next call still works", async () => {
  const { band, link } = await connectSim();
  link.faults.failNextOperation(
    "NotSupportedError",
    "GATT operation failed for unknown reason.",
  );
  await assert.rejects(
    band.readBattery(),
    isBle(
      "gatt_error",
      /^Cannot read 0006: GATT operation failed for unknown reason$/,
    ),
  );
  assert.equal((await band.readBattery()).level, 81);
  band.disconnect();
});

Deno.test("an operation refused as already in progress is retried once and succeeds", async () => {
  const { band, link } = await connectSim();
  link.faults.failNextOperation(
    "NetworkError",
    "GATT operation already in progress.",
  );
  assert.equal((await band.readBattery()).level, 81);
  band.disconnect();
});

Deno.test("a link drop rejects pending operations with disconnected and later calls fail fast", async () => {
  const { band, sim, link } = await connectSim();
  link.faults.stopAnswering();
  const pending = band.readBattery();
  const queued = band.readRealtimeActivity();
  sim.dropLink();
  await assert.rejects(pending, isBle("disconnected"));
  await assert.rejects(queued, isBle("disconnected"));
  await assert.rejects(
    band.settings.setStepGoal(1000),
    isBle("disconnected", /not connected/),
  );
  assert.equal(
    describeBleError(await band.readMacAddress().catch((e) => e)).title,
    "The connection to the band was lost",
  );
});

Deno.test("a corrupted auth result is reported as auth_failed, never with the key in it", async () => {
  const sim = createSim();
  const link = new SimTransport(sim);
  link.faults.corruptNotification({
    characteristic: CHARACTERISTIC.auth,
    index: 1,
  });
  const err = await MiBand4.connect(link, { authKey: TEST_KEY }).catch((e) =>
    e
  );
  assert.ok(err instanceof BleError);
  assert.equal(err.code, "auth_failed");
  assert.equal(
    err.message,
    "Cannot authenticate band: band reported a failure (reply 10 03 fe)",
  );
  const hexKey = Array.from(TEST_KEY, (b) => b.toString(16).padStart(2, "0"))
    .join("");
  assert.ok(!err.message.replaceAll(" ", "").includes(hexKey));
});

Deno.test("a band that stays silent after a setting resolves (known clients never wait for it)", async () => {
  const { band, sim, link } = await connectSim({ replyTimeoutMs: 30 });
  link.faults.loseNotification({
    characteristic: CHARACTERISTIC.configuration,
  });
  await band.settings.apply({ kind: "units", value: "imperial" });
  assert.deepEqual(sim.state.settings.units, {
    kind: "units",
    value: "imperial",
  });
  band.disconnect();
});

Deno.test("a fetch on a band without workouts stores none", async () => {
  const { band } = await connectSim();
  const stored: unknown[] = [];
  const result = await band.fetchWorkouts({
    since: 0,
    persist: (s) => {
      stored.push(s);
      return Promise.resolve();
    },
  });
  assert.equal(result.workouts, 0);
  assert.equal(result.nextSince, 0);
  assert.deepEqual(stored, []);
  band.disconnect();
});

Deno.test("invalid input rejects the returned promise instead of throwing synchronously", async () => {
  const { band, sim } = await connectSim();
  const calls = [
    () => band.music.sendState({ volume: 101 }),
    () => band.settings.setStepGoal(0),
    () => band.heartRate.setAllDayInterval(500),
    () => band.setTime({ epochMs: Number.NaN, utcOffsetMinutes: 0 }),
    () =>
      band.alerts.startIncomingCall("x".repeat(10)).then(() =>
        band.alarms.set({
          slot: 12,
          time: { hour: 1, minute: 0 },
          days: [],
          enabled: true,
          snooze: true,
        })
      ),
  ];
  for (const call of calls) {
    let promise: Promise<void> | undefined;
    assert.doesNotThrow(() => {
      promise = call();
    });
    await assert.rejects(promise!, RangeError);
  }
  assert.equal(sim.state.stepGoal, 8000);
  band.disconnect();
});

Deno.test("a setting the band answers with a failure status rejects with a protocol BleError", async () => {
  const { band } = await connectSim();
  await assert.rejects(
    band.settings.apply({ kind: "request_gps_version" }),
    (err: unknown) => {
      assert.ok(err instanceof BleError);
      assert.equal(err.code, "protocol");
      assert.match(
        err.message,
        /^Cannot apply setting: band answered 10 0e 04/,
      );
      return true;
    },
  );
  band.disconnect();
});
