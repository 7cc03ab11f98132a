import assert from "node:assert/strict";
import {
  CHARACTERISTIC as C,
  SERVICE as S,
} from "../../lib/protocol/constants.ts";
import type { VirtualBand } from "../../lib/sim/virtual_band.ts";
import {
  createAuthedBand,
  hex,
  ManualScheduler,
  recordNotifications,
} from "./_helpers.ts";

function band(): Promise<VirtualBand> {
  return createAuthedBand({ now: () => 0, scheduler: new ManualScheduler() }, [[
    S.miBand1,
    C.configuration,
  ]]);
}

async function send(b: VirtualBand, bytes: string): Promise<string[]> {
  const log = recordNotifications(b);
  await b.write(S.miBand1, C.configuration, hex(bytes), false);
  return log.map(([, h]) => h);
}

Deno.test("config stores the §30.9 alarms and answers 10 02 01 to each", async () => {
  const b = await band();
  for (
    const vector of [
      "02 80 07 1e 1f",
      "02 81 06 00 80",
      "02 c2 16 0f 7f",
      "02 03 09 00 60",
    ]
  ) {
    assert.deepEqual(await send(b, vector), ["10 02 01"], vector);
  }
  assert.deepEqual(b.state.alarms[0], {
    slot: 0,
    time: { hour: 7, minute: 30 },
    days: ["mon", "tue", "wed", "thu", "fri"],
    enabled: true,
    snooze: true,
  });
  assert.deepEqual(b.state.alarms[1]?.days, []);
  assert.equal(b.state.alarms[2]?.snooze, false);
  assert.equal(b.state.alarms[3]?.enabled, false);
  assert.deepEqual(await send(b, "02 03 00 00 00"), ["10 02 01"]);
  assert.equal(b.state.alarms[3], null);
});

Deno.test("config answers 0d with the alarm list of used slots", async () => {
  const b = await band();
  await send(b, "02 80 07 1e 1f");
  await send(b, "02 02 09 00 60");
  assert.deepEqual(await send(b, "0d"), ["10 0d 01 00 00 00 00 00 02 10 02"]);
});

Deno.test("config echoes 06 endpoint commands with three bytes and stores them", async () => {
  const b = await band();
  assert.deepEqual(await send(b, "06 02 00 01"), ["10 06 02 00 01"]);
  assert.deepEqual(await send(b, "06 1e 00 64 64 2e 4d 4d 2e 79 79 79 79"), [
    "10 06 1e 00 01",
  ]);
  assert.deepEqual(await send(b, "06 21 00 01 31 32 33 34 00"), [
    "10 06 21 00 01",
  ]);
  assert.deepEqual(b.state.rawConfig["06 02 00"], hex("06 02 00 01"));
  assert.deepEqual(b.state.settings.band_lock, {
    kind: "band_lock",
    enabled: true,
    pin: "1234",
  });
});

Deno.test("config answers idle alerts, DND and night mode with one-byte echoes", async () => {
  const b = await band();
  assert.deepEqual(await send(b, "08 01 2d 00 08 00 0c 00 0d 00 14 00"), [
    "10 08 01",
  ]);
  assert.deepEqual(await send(b, "09 81 01 00 06 00"), ["10 09 01"]);
  assert.deepEqual(await send(b, "1a 01 16 00 06 1e"), ["10 1a 01"]);
  assert.deepEqual(
    b.state.rawConfig["08"],
    hex("08 01 2d 00 08 00 0c 00 0d 00 14 00"),
  );
  assert.ok(b.state.settings.idle_alerts);
  assert.deepEqual(b.state.settings.night_mode, {
    kind: "night_mode",
    schedule: {
      mode: "scheduled",
      start: { hour: 22, minute: 0 },
      end: { hour: 6, minute: 30 },
    },
  });
});

Deno.test("config answers a command it cannot decode with status 04", async () => {
  const b = await band();
  assert.deepEqual(await send(b, "1a 07"), ["10 1a 04"]);
  assert.deepEqual(await send(b, "0e"), ["10 0e 04"]);
});
