import assert from "node:assert/strict";
import { BleError } from "../../lib/ble/errors.ts";
import { MiBand4 } from "../../lib/ble/mi_band4.ts";
import { SimTransport } from "../../lib/sim/sim_transport.ts";
import { connectSim, createSim, TEST_KEY } from "./sim_setup.ts";

Deno.test("MiBand4.connect() authenticates against the simulator", async () => {
  const { band, sim } = await connectSim();
  assert.equal(sim.state.authenticated, true);
  assert.equal(band.connected, true);
  band.disconnect();
  assert.equal(band.connected, false);
});

Deno.test("MiBand4.connect() rejects a wrong key with a wrong_key BleError and drops the link", async () => {
  const sim = createSim();
  const link = new SimTransport(sim);
  const wrong = TEST_KEY.map((b) => b ^ 1);
  await assert.rejects(
    MiBand4.connect(link, { authKey: wrong }),
    (err: unknown) => {
      assert.ok(err instanceof BleError);
      assert.equal(err.code, "wrong_key");
      assert.equal(
        err.message,
        "Cannot authenticate band: band rejected the key (reply 10 03 08)",
      );
      return true;
    },
  );
  assert.equal(link.connected, false);
  assert.equal(sim.state.authenticated, false);
});

Deno.test("MiBand4 reads MAC and device information as the simulator holds them", async () => {
  const { band, sim } = await connectSim({ mac: "E1:2C:9F:0B:F1:44" });
  assert.equal(await band.readMacAddress(), "E1:2C:9F:0B:F1:44");
  const info = await band.readDeviceInfo();
  assert.equal(info.mac, "E1:2C:9F:0B:F1:44");
  assert.equal(
    info.firmwareVersion,
    sim.state.softwareRevision.replace(/^V/, ""),
  );
  assert.equal(
    info.hardwareRevision,
    sim.state.hardwareRevision.replace(/^V/, ""),
  );
  assert.equal(info.pnpId.vendorId, 0x0157);
  await assert.rejects(band.verifyMacAddress("D1:C5:15:51:03:89"), {
    code: "mac_mismatch",
  });
  assert.equal(
    await band.verifyMacAddress("e1:2c:9f:0b:f1:44"),
    "E1:2C:9F:0B:F1:44",
  );
  band.disconnect();
});

Deno.test("MiBand4 reads battery and realtime activity as the simulator holds them", async () => {
  const { band, sim } = await connectSim();
  sim.setBattery({ level: 57, charging: true });
  sim.addSteps(1234, { distanceMeters: 900, calories: 321 });
  const battery = await band.readBattery();
  assert.equal(battery.level, 57);
  assert.equal(battery.charging, true);
  const activity = await band.readRealtimeActivity();
  assert.equal(activity.steps, sim.state.steps);
  assert.equal(activity.distanceMeters, sim.state.distanceMeters);
  assert.equal(activity.calories, sim.state.calories);
  band.disconnect();
});

Deno.test("MiBand4.watchRealtimeActivity() reports the first read and then live step changes", async () => {
  const { band, sim } = await connectSim();
  const seen: number[] = [];
  const stop = await band.watchRealtimeActivity((value) =>
    seen.push(value.steps)
  );
  const before = sim.state.steps;
  sim.addSteps(10);
  await new Promise((r) => setTimeout(r, 10));
  await stop();
  assert.deepEqual(seen, [before, before + 10]);
  assert.equal(sim.isNotifying("00000007-0000-3512-2118-0009af100700"), false);
  band.disconnect();
});

Deno.test("MiBand4 stores alarms and reads their statuses back", async () => {
  const { band, sim } = await connectSim();
  await band.alarms.set({
    slot: 0,
    time: { hour: 7, minute: 30 },
    days: ["mon", "tue", "wed", "thu", "fri"],
    enabled: true,
    snooze: true,
  });
  await band.alarms.set({
    slot: 2,
    time: { hour: 22, minute: 15 },
    days: [],
    enabled: false,
    snooze: true,
  });
  assert.deepEqual(sim.state.alarms[0], {
    slot: 0,
    time: { hour: 7, minute: 30 },
    days: ["mon", "tue", "wed", "thu", "fri"],
    enabled: true,
    snooze: true,
  });
  const statuses = await band.alarms.readStatuses();
  assert.deepEqual(statuses, [{ slot: 0, enabled: true }, {
    slot: 2,
    enabled: false,
  }]);
  await band.alarms.clear(0);
  assert.equal(sim.state.alarms[0], null);
  band.disconnect();
});

Deno.test("MiBand4 applies idle alerts, goal, wear location and profile", async () => {
  const { band, sim } = await connectSim();
  const idle = {
    enabled: true,
    thresholdMinutes: 45,
    start: { hour: 8, minute: 0 },
    end: { hour: 20, minute: 0 },
    gap: { start: { hour: 12, minute: 0 }, end: { hour: 13, minute: 0 } },
  };
  await band.settings.setIdleAlerts(idle);
  assert.deepEqual(sim.state.settings.idle_alerts, idle);
  await band.settings.setStepGoal(12345);
  assert.equal(sim.state.stepGoal, 12345);
  await band.settings.setWearLocation("right");
  assert.equal(sim.state.wearWrist, "right");
  const profile = {
    birthYear: 1990,
    birthMonth: 5,
    birthDay: 17,
    sex: "male" as const,
    heightCm: 180,
    weightKg: 75,
    userId: 0x12345678,
  };
  await band.settings.setUserProfile(profile);
  assert.deepEqual(sim.state.userProfile, profile);
  band.disconnect();
});
