import assert from "node:assert/strict";
import {
  CHARACTERISTIC as C,
  SERVICE as S,
} from "../../lib/protocol/constants.ts";
import { VirtualBand } from "../../lib/sim/virtual_band.ts";
import {
  createAuthedBand,
  hex,
  ManualScheduler,
  recordNotifications,
} from "./_helpers.ts";

Deno.test("band-side actions emit the §23 device events", async () => {
  const band = await createAuthedBand({
    now: () => 0,
    scheduler: new ManualScheduler(),
  }, [[S.miBand1, C.deviceEvent]]);
  const log = recordNotifications(band);
  band.pressButton();
  band.longPressButton();
  band.pressMusicButton("play");
  band.pressMusicButton("next");
  band.openMusicScreen();
  band.closeMusicScreen();
  band.startFindPhone();
  band.stopFindPhone();
  band.rejectCall();
  band.ignoreCall();
  band.fallAsleep();
  band.wakeUp();
  band.takeOff();
  band.reachGoal();
  band.setPhoneSilentOnBand(true);
  band.startWorkoutOnBand("outdoorRunning", true);
  assert.deepEqual(log.map(([, h]) => h), [
    "04",
    "0b",
    "fe 00",
    "fe 03",
    "fe e0",
    "fe e1",
    "08",
    "0f",
    "07",
    "09",
    "01",
    "02",
    "06",
    "03",
    "10 01",
    "14 00 01 01",
  ]);
});

Deno.test("device events are not sent before the client subscribes", () => {
  const band = new VirtualBand({ now: () => 0 });
  band.connect();
  const log = recordNotifications(band);
  band.pressMusicButton("pause");
  assert.deepEqual(log, []);
});

Deno.test("music buttons work without authentication (§16.3)", () => {
  const band = new VirtualBand({ now: () => 0 });
  band.connect();
  band.startNotifications(S.miBand1, C.deviceEvent);
  const log = recordNotifications(band);
  band.pressMusicButton("volumeUp");
  assert.deepEqual(log, [[C.deviceEvent, "fe 05"]]);
});

Deno.test("announceMtu behaviour sends 16 17 00 then 16 f7 00 (§32.1)", () => {
  const scheduler = new ManualScheduler();
  const band = new VirtualBand({
    now: () => 0,
    scheduler,
    behaviour: { announceMtu: true },
  });
  band.connect();
  const log = recordNotifications(band);
  band.startNotifications(S.miBand1, C.deviceEvent);
  scheduler.advance(2000);
  assert.deepEqual(log.map(([, h]) => h), ["16 17 00", "16 f7 00"]);
});

Deno.test("rejecting a call on the band ends the call screen", async () => {
  const band = await createAuthedBand({
    now: () => 0,
    scheduler: new ManualScheduler(),
  }, []);
  await band.write(
    S.alertNotification,
    C.newAlert,
    hex("03 01 4d 6f 6d"),
    true,
  );
  band.rejectCall();
  assert.equal(band.state.activeCall, null);
});

Deno.test("toggling an alarm on the band flips it and emits 0a", async () => {
  const band = await createAuthedBand({
    now: () => 0,
    scheduler: new ManualScheduler(),
  }, [[S.miBand1, C.deviceEvent]]);
  await band.write(S.miBand1, C.configuration, hex("02 80 07 1e 1f"), false);
  const log = recordNotifications(band);
  band.toggleAlarmOnBand(0);
  assert.equal(band.state.alarms[0]?.enabled, false);
  assert.deepEqual(log, [[C.deviceEvent, "0a"]]);
});
