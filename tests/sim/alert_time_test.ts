import assert from "node:assert/strict";
import {
  CHARACTERISTIC as C,
  SERVICE as S,
} from "../../lib/protocol/constants.ts";
import { VirtualBand } from "../../lib/sim/virtual_band.ts";
import { createAuthedBand, hex, ManualScheduler, toHex } from "./_helpers.ts";

Deno.test("New Alert 03 01 Mom opens a call screen and 03 00 closes it, before auth too", async () => {
  const band = new VirtualBand({ now: () => 0 });
  band.connect();
  await band.write(
    S.alertNotification,
    C.newAlert,
    hex("03 01 4d 6f 6d"),
    true,
  );
  assert.equal(band.state.activeCall, "Mom");
  await band.write(S.alertNotification, C.newAlert, hex("03 00"), true);
  assert.equal(band.state.activeCall, null);
});

Deno.test("New Alert stores a SAT-style SMS as text", async () => {
  const band = new VirtualBand({ now: () => 0 });
  band.connect();
  await band.write(
    S.alertNotification,
    C.newAlert,
    hex("05 01 42 6f 62 0a 0a 0a 48 69"),
    true,
  );
  assert.deepEqual(band.state.lastNotification, {
    channel: "new_alert",
    category: "sms",
    count: 1,
    text: "Bob\n\n\nHi",
  });
});

Deno.test("Immediate Alert 03 is stored as find-my-band vibration", async () => {
  const band = new VirtualBand({ now: () => 0 });
  band.connect();
  await band.write(S.immediateAlert, C.alertLevel, hex("03"), false);
  assert.equal(band.state.lastAlertLevel, "vibrate");
});

Deno.test("time write of the §30.7 GB vector is read back unchanged", async () => {
  let now = Date.UTC(2030, 0, 1);
  const band = await createAuthedBand({
    now: () => now,
    scheduler: new ManualScheduler(),
  }, []);
  await band.write(
    S.miBand1,
    C.currentTime,
    hex("e6 07 0c 0f 14 26 35 04 00 00 04"),
    true,
  );
  assert.equal(
    toHex(band.read(S.miBand1, C.currentTime)),
    "e6 07 0c 0f 14 26 35 04 00 00 04",
  );
  now += 61_000;
  assert.equal(
    toHex(band.read(S.miBand1, C.currentTime)),
    "e6 07 0c 0f 14 27 36 04 00 00 04",
  );
});

Deno.test("time read reproduces the real §30.7 capture in UTC-5 and fixes the weekday", async () => {
  const band = await createAuthedBand({
    now: () => 0,
    scheduler: new ManualScheduler(),
  }, []);
  // MB4W writes Sunday as 0: the band still reports the ISO weekday.
  await band.write(
    S.miBand1,
    C.currentTime,
    hex("ea 07 02 01 00 2f 0e 00 00 00 ec"),
    true,
  );
  assert.equal(
    toHex(band.read(S.miBand1, C.currentTime)),
    "ea 07 02 01 00 2f 0e 07 00 00 ec",
  );
});

Deno.test("time writes before authentication are ignored", async () => {
  const band = new VirtualBand({
    now: () => Date.UTC(2026, 0, 31, 12),
    utcOffsetMinutes: 60,
  });
  band.connect();
  await band.write(
    S.miBand1,
    C.currentTime,
    hex("e6 07 0c 0f 14 26 35 04 00 00 04"),
    true,
  );
  assert.equal(
    toHex(band.read(S.miBand1, C.currentTime)),
    "ea 07 01 1f 0d 00 00 06 00 00 04",
  );
});
