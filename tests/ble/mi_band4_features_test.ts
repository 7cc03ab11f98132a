import assert from "node:assert/strict";
import type { DeviceEvent } from "../../lib/protocol/device_events.ts";
import { connectSim } from "./sim_setup.ts";

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

Deno.test("MiBand4 sends a long app notification in chunks that the simulator reassembles", async () => {
  const { band, sim } = await connectSim();
  const body = "Hello from the web, ".repeat(6).trim();
  await band.alerts.sendAppNotification({
    category: "custom",
    icon: "telegram",
    title: "Alice",
    body,
    appName: "Telegram",
  });
  assert.deepEqual(sim.state.lastNotification, {
    channel: "chunked",
    category: "custom",
    icon: "telegram",
    title: "Alice",
    body,
    appName: "Telegram",
  });
  band.disconnect();
});

Deno.test("MiBand4 shows an SMS alert, a missed call and an incoming call until it is stopped", async () => {
  const { band, sim } = await connectSim();
  await band.alerts.sendSimpleAlert({
    category: "sms",
    title: "Bob",
    body: "Hi",
  });
  assert.deepEqual(sim.state.lastNotification, {
    channel: "new_alert",
    category: "sms",
    count: 1,
    text: "Bob\n\n\nHi",
  });
  await band.alerts.sendMissedCall("Mom");
  assert.deepEqual(sim.state.lastNotification, {
    channel: "new_alert",
    category: "missedCall",
    count: 1,
    text: "Mom",
  });
  await band.alerts.startIncomingCall("Mom");
  assert.equal(sim.state.activeCall, "Mom");
  await band.alerts.stopIncomingCall();
  assert.equal(sim.state.activeCall, null);
  await band.alerts.vibrate("message");
  assert.equal(sim.state.lastAlertLevel, "message");
  band.disconnect();
});

Deno.test("MiBand4 sends music state and weather the simulator decodes", async () => {
  const { band, sim } = await connectSim();
  const music = {
    playback: { playing: true, positionSeconds: 30 },
    artist: "Artist",
    track: "Song",
    durationSeconds: 215,
  };
  await band.music.sendState(music);
  assert.deepEqual(sim.state.lastMusic, music);
  const stamp = { epochMs: 1_710_000_000_000, utcOffsetMinutes: 60 };
  await band.weather.send([
    {
      kind: "current",
      condition: "partly_cloudy",
      temperature: -7,
      text: "Snow",
      ...stamp,
    },
    { kind: "location", name: "Berlin" },
  ]);
  assert.deepEqual(sim.state.weather.location, {
    kind: "location",
    name: "Berlin",
  });
  const current = sim.state.weather.current as {
    temperature: number;
    text: string;
    epochMs: number;
  };
  assert.equal(current.temperature, -7);
  assert.equal(current.text, "Snow");
  assert.equal(current.epochMs, 1_710_000_000_000);
  band.disconnect();
});

Deno.test("MiBand4 sets the menu layout", async () => {
  const { band, sim } = await connectSim();
  await band.display.setItems(["status", "heart_rate", "weather", "more"]);
  const layout = sim.state.settings.display_items as { shown: string[] };
  assert.deepEqual(layout.shown, ["status", "heart_rate", "weather", "more"]);
  band.disconnect();
});

Deno.test("MiBand4 applies general settings and the simulator stores each", async () => {
  const { band, sim } = await connectSim();
  await band.settings.apply({ kind: "time_format", value: "24h" });
  await band.settings.apply({ kind: "units", value: "imperial" });
  await band.settings.apply({ kind: "band_lock", enabled: true, pin: "1234" });
  await band.settings.apply({
    kind: "night_mode",
    schedule: {
      mode: "scheduled",
      start: { hour: 22, minute: 0 },
      end: { hour: 6, minute: 30 },
    },
  });
  await band.settings.apply({ kind: "language", value: "de_DE" });
  await band.settings.setGoalNotification(true);
  assert.deepEqual(sim.state.settings.time_format, {
    kind: "time_format",
    value: "24h",
  });
  assert.deepEqual(sim.state.settings.units, {
    kind: "units",
    value: "imperial",
  });
  assert.deepEqual(sim.state.settings.band_lock, {
    kind: "band_lock",
    enabled: true,
    pin: "1234",
  });
  assert.deepEqual(sim.state.settings.night_mode, {
    kind: "night_mode",
    schedule: {
      mode: "scheduled",
      start: { hour: 22, minute: 0 },
      end: { hour: 6, minute: 30 },
    },
  });
  assert.deepEqual(sim.state.settings.language, {
    kind: "language",
    value: "de_DE",
  });
  assert.deepEqual(sim.state.settings.goal_notification, {
    kind: "goal_notification",
    enabled: true,
  });
  band.disconnect();
});

Deno.test("MiBand4 sets the band time with its time zone and reads it back", async () => {
  const { band, sim } = await connectSim();
  // 2024-07-01T10:20:30Z shown in CEST (UTC+2, DST).
  const epochMs = Date.UTC(2024, 6, 1, 10, 20, 30);
  await band.setTime({ epochMs, utcOffsetMinutes: 120 });
  assert.equal(sim.state.clock.tzQuarterHours, 8);
  const time = await band.readTime();
  assert.equal(time.tzQuarterHours, 8);
  assert.deepEqual([
    time.year,
    time.month,
    time.day,
    time.hour,
    time.minute,
    time.second,
  ], [2024, 7, 1, 12, 20, 30]);
  assert.equal(time.dayOfWeek, 1);
  assert.equal(time.epochMs, epochMs);
  band.disconnect();
});

Deno.test("MiBand4 heart-rate settings reach the simulator", async () => {
  const { band, sim } = await connectSim();
  await band.heartRate.setAllDayInterval(10);
  await band.heartRate.setSleepAssist(true);
  assert.equal(sim.state.heartRateIntervalMinutes, 10);
  assert.equal(sim.state.heartRateSleepAssist, true);
  band.disconnect();
});

Deno.test("MiBand4 measures the heart rate once", async () => {
  const { band, sim } = await connectSim({
    behaviour: { oneShotHeartRateDelayMs: 20 },
  });
  sim.setHeartRate(131);
  const reading = await band.heartRate.measureOnce({ timeoutMs: 2000 });
  assert.equal(reading.bpm, 131);
  band.disconnect();
});

Deno.test("MiBand4 measures the heart rate continuously with keep-alives", async () => {
  const { band, sim } = await connectSim({
    behaviour: { continuousHeartRateIntervalMs: 10, keepAliveTimeoutMs: 250 },
  });
  sim.setHeartRate(88);
  const readings: number[] = [];
  const unsubscribe = band.heartRate.subscribe((r) => readings.push(r.bpm));
  const stop = await band.heartRate.startContinuous({ keepAliveMs: 20 });
  // Wait for the stream rather than a fixed time, which a busy machine can fill
  // with 3 readings; without keep-alives it would stop after 250 ms, about 25
  // readings, and never reach 40. The wide margin (keep-alive every 20 ms against
  // a 250 ms timeout) keeps a stalled event loop from losing the race.
  for (let i = 0; i < 300 && readings.length < 40; i++) await tick(10);
  const during = readings.length;
  await stop();
  await tick(50);
  const after = readings.length;
  await tick(50);
  unsubscribe();
  assert.ok(during >= 40, `expected a steady stream, got ${during} readings`);
  assert.ok(readings.every((bpm) => bpm === 88));
  assert.equal(readings.length, after);
  band.disconnect();
});

Deno.test("MiBand4 routes unsolicited heart-rate readings", async () => {
  const { band, sim } = await connectSim();
  const readings: number[] = [];
  band.heartRate.subscribe((r) => readings.push(r.bpm));
  sim.emitHeartRate(150);
  await tick();
  assert.deepEqual(readings, [150]);
  band.disconnect();
});

Deno.test("MiBand4 find band vibrates until stopped", async () => {
  const { band, sim } = await connectSim();
  const stop = await band.alerts.findBand({ repeatMs: 1000 });
  assert.equal(sim.state.lastAlertLevel, "vibrate");
  await stop();
  assert.equal(sim.state.lastAlertLevel, "none");
  band.disconnect();
});

Deno.test("MiBand4.events delivers the band's events and acknowledges find my phone", async () => {
  const { band, sim } = await connectSim();
  const events: DeviceEvent[] = [];
  const unsubscribe = band.events.subscribe((e) => events.push(e));
  sim.pressButton();
  sim.fallAsleep();
  sim.wakeUp();
  sim.rejectCall();
  sim.ignoreCall();
  sim.toggleAlarmOnBand(0);
  sim.pressMusicButton("next");
  sim.openMusicScreen();
  sim.startFindPhone();
  await tick(20);
  sim.stopFindPhone();
  await tick(20);
  unsubscribe();
  sim.reachGoal();
  await tick();
  assert.deepEqual(events.map((e) => e.type), [
    "buttonPressed",
    "fellAsleep",
    "wokeUp",
    "callRejected",
    "callIgnored",
    "alarmToggled",
    "music",
    "music",
    "findPhoneStart",
    "findPhoneStop",
  ]);
  assert.deepEqual(events[6], { type: "music", button: "next", code: 0x03 });
  assert.deepEqual(events[7], { type: "music", button: "focusIn", code: 0xe0 });
  assert.deepEqual(sim.state.settings.find_phone_ack, {
    kind: "find_phone_ack",
    state: "ringing",
  });
  band.disconnect();
});

Deno.test("MiBand4 stores and deletes an event reminder", async () => {
  const { band, sim } = await connectSim();
  await band.reminders.set({
    slot: 0,
    enabled: true,
    start: { year: 2024, month: 3, day: 11, hour: 9, minute: 30, second: 0 },
    repeat: { kind: "once" },
    text: "Dentist",
  });
  // §30.14 vector: payload 0b 00 09 00 00 00 e8 07 03 0b 09 1e 00 "Dentist" 00.
  assert.deepEqual(
    Array.from(sim.state.settings.config2_0b as Uint8Array),
    [
      0x0b,
      0x00,
      0x09,
      0,
      0,
      0,
      0xe8,
      0x07,
      0x03,
      0x0b,
      0x09,
      0x1e,
      0x00,
      ...new TextEncoder().encode("Dentist"),
      0,
    ],
  );
  await band.reminders.delete(0);
  assert.deepEqual(Array.from(sim.state.settings.config2_0b as Uint8Array), [
    0x0b,
    0x00,
    0x08,
    0,
    0,
    0,
    0,
  ]);
  band.disconnect();
});
