import assert from "node:assert/strict";
import {
  CHARACTERISTIC as C,
  SERVICE as S,
} from "../../lib/protocol/constants.ts";
import { VirtualBand } from "../../lib/sim/virtual_band.ts";
import {
  createAuthedBand,
  ManualScheduler,
  recordNotifications,
  toHex,
} from "./_helpers.ts";

Deno.test("device information reads serve §7 values and the §30.3 system id before auth", () => {
  const band = new VirtualBand({ now: () => 0 });
  band.connect();
  assert.equal(
    toHex(band.read(S.deviceInformation, C.systemId)),
    "d1 c5 15 ff fe 51 03 89",
  );
  assert.equal(
    toHex(band.read(S.deviceInformation, C.pnpId)),
    "01 57 01 24 00 01 01",
  );
  assert.equal(
    new TextDecoder().decode(
      band.read(S.deviceInformation, C.softwareRevision),
    ),
    "V1.0.9.70",
  );
  assert.equal(
    new TextDecoder().decode(band.read(S.genericAccess, C.deviceName)),
    "Mi Smart Band 4",
  );
});

Deno.test("fixed reads follow §26: auth 01 00 00 00, chunked 04", () => {
  const band = new VirtualBand({ now: () => 0 });
  band.connect();
  assert.equal(toHex(band.read(S.miBand2, C.auth)), "01 00 00 00");
  assert.equal(toHex(band.read(S.miBand1, C.chunkedTransfer)), "04");
});

Deno.test("battery read reproduces the real §30.4 value in UTC-5", () => {
  const lastCharge = Date.UTC(2026, 0, 31, 16, 41, 47);
  const band = new VirtualBand({
    now: () => lastCharge + 3_600_000,
    utcOffsetMinutes: -300,
  });
  band.state.battery.lastCharge = lastCharge;
  band.connect();
  assert.equal(
    toHex(band.read(S.miBand1, C.battery)),
    "0f 51 00 b2 07 01 01 00 00 00 00 ea 07 01 1f 0b 29 2f ec 63",
  );
});

Deno.test("battery notifies on a charging change and stamps the end of the charge", async () => {
  const now = Date.UTC(2026, 0, 31, 16, 41, 47);
  const band = await createAuthedBand({
    now: () => now,
    utcOffsetMinutes: -300,
    scheduler: new ManualScheduler(),
  }, [
    [S.miBand1, C.battery],
  ]);
  const log = recordNotifications(band);
  band.setBattery({ level: 99, charging: true });
  band.setBattery({ charging: false });
  band.setBattery({ charging: false });
  assert.deepEqual(log.map(([, h]) => h), [
    // The default last charge is one day before creation: 2026-01-30 11:41:47 local.
    "0f 63 01 b2 07 01 01 00 00 00 00 ea 07 01 1e 0b 29 2f ec 63",
    "0f 63 00 b2 07 01 01 00 00 00 00 ea 07 01 1f 0b 29 2f ec 63",
  ]);
});

Deno.test("realtime read gives the §30.5 layout and addSteps notifies it", async () => {
  const band = await createAuthedBand({
    now: () => 0,
    scheduler: new ManualScheduler(),
  }, [[S.miBand1, C.realtimeActivity]]);
  const log = recordNotifications(band);
  band.addSteps(10972, { distanceMeters: 7874, calories: 321 });
  assert.equal(
    toHex(band.read(S.miBand1, C.realtimeActivity)),
    "0c dc 2a 00 00 c2 1e 00 00 41 01 00 00",
  );
  assert.deepEqual(log, [[
    C.realtimeActivity,
    "0c dc 2a 00 00 c2 1e 00 00 41 01 00 00",
  ]]);
});

Deno.test("realtime notifies every minute while subscribed and resets at local midnight", async () => {
  const scheduler = new ManualScheduler();
  const start = Date.UTC(2026, 1, 1, 4, 59);
  const band = await createAuthedBand({
    now: () => start + scheduler.now,
    utcOffsetMinutes: -300,
    scheduler,
  }, [
    [S.miBand1, C.realtimeActivity],
  ]);
  band.addSteps(100, { distanceMeters: 70, calories: 4 });
  const log = recordNotifications(band);
  scheduler.advance(60_000);
  assert.deepEqual(log, [[
    C.realtimeActivity,
    "0c 00 00 00 00 00 00 00 00 00 00 00 00",
  ]]);
  band.stopNotifications(S.miBand1, C.realtimeActivity);
  scheduler.advance(180_000);
  assert.equal(log.length, 1);
});

Deno.test("realtime notifications stop with the link", async () => {
  const scheduler = new ManualScheduler();
  const band = await createAuthedBand({ now: () => 0, scheduler }, [[
    S.miBand1,
    C.realtimeActivity,
  ]]);
  const log = recordNotifications(band);
  band.disconnect();
  scheduler.advance(300_000);
  assert.deepEqual(log, []);
});

Deno.test("the band state never shows the auth key when serialised", () => {
  const band = new VirtualBand({ now: () => 0 });
  assert.equal(JSON.stringify(band.state).includes("key"), false);
  assert.equal(band.state.key.length, 16);
});
