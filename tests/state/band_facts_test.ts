import assert from "node:assert/strict";
import type { BatteryInfo } from "../../lib/protocol/battery.ts";
import type { RealtimeActivity } from "../../lib/protocol/realtime_activity.ts";
import {
  batteryFact,
  deviceFacts,
  followBand,
  lastSyncAt,
  liveActivity,
  publishSync,
  refreshToday,
  todayView,
} from "../../lib/state/band_facts.ts";

function battery(level: number, charging = false): BatteryInfo {
  return { level, charging } as BatteryInfo;
}

function fakeBand() {
  let onBattery: (info: BatteryInfo) => void = () => {};
  let onSteps: (value: RealtimeActivity) => void = () => {};
  const stopped: string[] = [];
  return {
    stopped,
    emitBattery: (info: BatteryInfo) => onBattery(info),
    emitSteps: (value: RealtimeActivity) => onSteps(value),
    readDeviceInfo: () =>
      Promise.resolve({
        mac: "D1:C5:15:51:03:89",
        firmwareVersion: "1.0.9.70",
        hardwareRevision: "0.25.3.5",
      }),
    readBattery: () => Promise.resolve(battery(81)),
    watchBattery(cb: (info: BatteryInfo) => void) {
      onBattery = cb;
      return Promise.resolve(() => {
        stopped.push("battery");
        return Promise.resolve();
      });
    },
    watchRealtimeActivity(cb: (value: RealtimeActivity) => void) {
      onSteps = cb;
      cb({ steps: 100, distanceMeters: 70, calories: 4 });
      return Promise.resolve(() => {
        stopped.push("steps");
        return Promise.resolve();
      });
    },
  };
}

Deno.test("followBand() publishes device facts, battery and steps, and stop marks them not live", async () => {
  const band = fakeBand();
  const stop = await followBand(band, { now: () => 1000 });
  assert.deepEqual(deviceFacts.value, {
    mac: "D1:C5:15:51:03:89",
    firmwareRevision: "1.0.9.70",
    hardwareRevision: "0.25.3.5",
  });
  assert.deepEqual(batteryFact.value, {
    level: 81,
    charging: false,
    time: 1000,
    live: true,
  });
  assert.equal(liveActivity.value?.steps, 100);
  band.emitSteps({ steps: 150, distanceMeters: 105, calories: 6 });
  band.emitBattery(battery(80, true));
  assert.equal(liveActivity.value?.steps, 150);
  assert.equal(batteryFact.value?.charging, true);
  await stop();
  assert.deepEqual(band.stopped.sort(), ["battery", "steps"]);
  assert.equal(liveActivity.value, null);
  assert.equal(batteryFact.value?.live, false);
  assert.equal(batteryFact.value?.level, 80);
});

Deno.test("publishSync() sets the last sync, battery and device facts", () => {
  batteryFact.value = null;
  publishSync({
    battery: battery(55),
    deviceInfo: {
      mac: "AA:BB:CC:DD:EE:FF",
      firmwareVersion: "1.0.10.0",
      hardwareRevision: "0.25.3.5",
    },
  }, 5000);
  assert.equal(lastSyncAt.value, 5000);
  assert.deepEqual(batteryFact.value, {
    level: 55,
    charging: false,
    time: 5000,
    live: false,
  });
  assert.equal(deviceFacts.value?.firmwareRevision, "1.0.10.0");
});

Deno.test("publishSync() keeps a battery the page follows live: it is newer than the sync's", () => {
  batteryFact.value = { level: 64, charging: true, time: 4000, live: true };
  publishSync({
    battery: battery(81),
    deviceInfo: {
      mac: "AA:BB:CC:DD:EE:FF",
      firmwareVersion: "1.0.10.0",
      hardwareRevision: "0.25.3.5",
    },
  }, 5000);
  assert.equal(lastSyncAt.value, 5000);
  assert.deepEqual(batteryFact.value, {
    level: 64,
    charging: true,
    time: 4000,
    live: true,
  });
});

Deno.test("refreshToday() asks the server for the person's day and publishes it", async () => {
  const asked: string[] = [];
  const view = {
    day: "2026-11-30",
    timeZone: "UTC",
    steps: 18,
    activeMinutes: 2,
    restingHeartRate: 58,
    latestHeartRate: null,
    lastNight: null,
    lastSyncAt: 1000,
  };
  const server = {
    getToday(bandId: string) {
      asked.push(bandId);
      return Promise.resolve(view);
    },
  };
  assert.equal((await refreshToday(server, "b1")).steps, 18);
  assert.deepEqual(todayView.value, view);
  assert.deepEqual(asked, ["b1"]);
});
