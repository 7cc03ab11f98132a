// The feature groups of the MiBand4 facade, called the way the cards call them and
// checked in what the simulator decoded.

import assert from "node:assert/strict";
import { BleError } from "../../lib/ble/errors.ts";
import { connectSim, NOW } from "./sim_setup.ts";

Deno.test("MiBand4 offers no raw transport, only its feature groups", async () => {
  const { band } = await connectSim();
  assert.equal("transport" in band, false);
  const groups = [
    band.alerts,
    band.music,
    band.weather,
    band.display,
    band.alarms,
    band.reminders,
    band.settings,
    band.heartRate,
  ].map((g) => g.constructor.name);
  assert.deepEqual(groups, [
    "BandAlerts",
    "BandMusic",
    "BandWeather",
    "BandDisplay",
    "BandAlarms",
    "BandReminders",
    "BandSettings",
    "BandHeartRate",
  ]);
  band.disconnect();
});

Deno.test("band.alerts.sendAppNotification() shows a title-only notification without a body", async () => {
  const { band, sim } = await connectSim();
  await band.alerts.sendAppNotification({
    category: "custom",
    icon: "app",
    title: "Band Web",
    appName: "Band Web",
  });
  assert.deepEqual(sim.state.lastNotification, {
    channel: "chunked",
    category: "custom",
    icon: "app",
    title: "Band Web",
    appName: "Band Web",
  });
  band.disconnect();
});

Deno.test("band.alerts.sendAppNotification() carries the title and the text", async () => {
  const { band, sim } = await connectSim();
  await band.alerts.sendAppNotification({
    category: "custom",
    icon: "app",
    title: "Lunch",
    body: "Table for two at noon",
    appName: "Band Web",
  });
  assert.deepEqual(sim.state.lastNotification, {
    channel: "chunked",
    category: "custom",
    icon: "app",
    title: "Lunch",
    body: "Table for two at noon",
    appName: "Band Web",
  });
  band.disconnect();
});

Deno.test("band.alerts.sendSimpleAlert() sends an e-mail alert with its title only", async () => {
  const { band, sim } = await connectSim();
  await band.alerts.sendSimpleAlert({ category: "email", title: "Invoice" });
  assert.deepEqual(sim.state.lastNotification, {
    channel: "new_alert",
    category: "email",
    count: 1,
    text: "Invoice",
  });
  band.disconnect();
});

Deno.test("band.alerts call screen opens with the caller and closes again", async () => {
  const { band, sim } = await connectSim();
  await band.alerts.startIncomingCall("Grandma");
  assert.equal(sim.state.activeCall, "Grandma");
  await band.alerts.stopIncomingCall();
  assert.equal(sim.state.activeCall, null);
  await band.alerts.sendMissedCall("Grandma");
  assert.deepEqual(sim.state.lastNotification, {
    channel: "new_alert",
    category: "missedCall",
    count: 1,
    text: "Grandma",
  });
  band.disconnect();
});

Deno.test("band.alerts.vibrate() and findBand() set the immediate alert level", async () => {
  const { band, sim } = await connectSim();
  await band.alerts.vibrate("phoneCall");
  assert.equal(sim.state.lastAlertLevel, "phoneCall");
  await band.alerts.vibrate("none");
  assert.equal(sim.state.lastAlertLevel, "none");
  const stop = await band.alerts.findBand({ repeatMs: 5_000 });
  assert.equal(sim.state.lastAlertLevel, "vibrate");
  await stop();
  assert.equal(sim.state.lastAlertLevel, "none");
  band.disconnect();
});

Deno.test("band.music.sendState() shows a paused track with its volume", async () => {
  const { band, sim } = await connectSim();
  const state = {
    track: "Blue in Green",
    artist: "Miles Davis",
    playback: { playing: false, positionSeconds: 0 },
    volume: 40,
  };
  await band.music.sendState(state);
  assert.deepEqual(sim.state.lastMusic, state);
  band.disconnect();
});

Deno.test("band.weather.send() stores current weather, a two-day forecast and the place", async () => {
  const { band, sim } = await connectSim();
  const stamp = { epochMs: NOW, utcOffsetMinutes: 60 };
  const current = {
    kind: "current" as const,
    condition: "sunny" as const,
    temperature: 21,
    text: "Sunny",
    ...stamp,
  };
  const forecast = {
    kind: "forecast" as const,
    days: [
      {
        day: "sunny" as const,
        night: "rain" as const,
        max: 22,
        min: 9,
        text: "Fair",
      },
      {
        day: "rain" as const,
        night: "rain" as const,
        max: 15,
        min: 8,
        text: "Wet",
      },
    ],
    ...stamp,
  };
  await band.weather.send([current, forecast, {
    kind: "location",
    name: "Lyon",
  }]);
  assert.deepEqual(sim.state.weather, {
    current,
    forecast,
    location: { kind: "location", name: "Lyon" },
  });
  band.disconnect();
});

Deno.test("band.display.setItems() shows the chosen screens in order after the watch face", async () => {
  const { band, sim } = await connectSim();
  await band.display.setItems(["weather", "status"]);
  const layout = sim.state.settings.display_items as {
    shown: string[];
    entries: { item: string; shown: boolean }[];
  };
  assert.deepEqual(layout.shown, ["weather", "status"]);
  assert.deepEqual(
    layout.entries.map((e) => [e.item, e.shown]),
    [
      ["home_screen", true],
      ["weather", true],
      ["status", true],
      ["heart_rate", false],
      ["workout", false],
      ["mi_home", false],
      ["notifications", false],
      ["more", false],
    ],
  );
  band.disconnect();
});

Deno.test("band.settings.apply() and setWearLocation() reach the simulator", async () => {
  const { band, sim } = await connectSim();
  await band.settings.apply({ kind: "time_format", value: "12h" });
  await band.settings.setWearLocation("right");
  assert.deepEqual(sim.state.settings.time_format, {
    kind: "time_format",
    value: "12h",
  });
  assert.equal(sim.state.wearWrist, "right");
  band.disconnect();
});

Deno.test("every feature group rejects with a disconnected BleError once the link drops", async () => {
  const { band } = await connectSim();
  band.disconnect();
  const calls: [string, () => Promise<unknown>][] = [
    ["alerts", () => band.alerts.vibrate("message")],
    ["music", () => band.music.sendState({ volume: 10 })],
    ["weather", () => band.weather.send([{ kind: "location", name: "X" }])],
    ["display", () => band.display.setItems(["status"])],
    ["alarms", () => band.alarms.clear(1)],
    ["reminders", () => band.reminders.delete(1)],
    ["settings", () => band.settings.setStepGoal(8000)],
    ["heartRate", () => band.heartRate.setAllDayInterval(5)],
  ];
  for (const [name, call] of calls) {
    const err = await call().then(() => null, (e: unknown) => e);
    assert.ok(err instanceof BleError, `${name} should reject with a BleError`);
    assert.equal(err.code, "disconnected", name);
  }
});

Deno.test("MiBand4.onHeartRate() and heartRate.subscribe() both receive unsolicited readings", async () => {
  const { band, sim } = await connectSim();
  const direct: number[] = [];
  const grouped: number[] = [];
  const stopDirect = band.onHeartRate((r) => direct.push(r.bpm));
  band.heartRate.subscribe((r) => grouped.push(r.bpm));
  sim.emitHeartRate(72);
  await new Promise((r) => setTimeout(r, 5));
  stopDirect();
  sim.emitHeartRate(75);
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(direct, [72]);
  assert.deepEqual(grouped, [72, 75]);
  band.disconnect();
});
