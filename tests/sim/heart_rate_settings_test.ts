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

async function setup(): Promise<
  { band: VirtualBand; scheduler: ManualScheduler; log: [string, string][] }
> {
  const scheduler = new ManualScheduler();
  const band = await createAuthedBand({ now: () => scheduler.now, scheduler }, [
    [S.heartRate, C.heartRateMeasurement],
    [S.miBand1, C.userSettings],
  ]);
  return { band, scheduler, log: recordNotifications(band) };
}

const hr = (band: VirtualBand, bytes: string) =>
  band.write(S.heartRate, C.heartRateControlPoint, hex(bytes), true);

Deno.test("one-shot §30.6 flow notifies 00 48 once after the measurement delay", async () => {
  const { band, scheduler, log } = await setup();
  band.setHeartRate(72);
  await hr(band, "15 01 00");
  await hr(band, "15 02 00");
  await hr(band, "15 02 01");
  scheduler.advance(7999);
  assert.deepEqual(log, []);
  scheduler.advance(1);
  assert.deepEqual(log, [[C.heartRateMeasurement, "00 48"]]);
  scheduler.advance(60_000);
  assert.equal(log.length, 1);
});

Deno.test("continuous mode notifies every 1.5 s while keep-alives come, then stops", async () => {
  const { band, scheduler, log } = await setup();
  band.setHeartRate(86);
  await hr(band, "15 01 01");
  scheduler.advance(12_000);
  assert.equal(log.length, 8);
  await hr(band, "16");
  // The keep-alive at 12 s carries the measurement to 27 s: ticks at 13.5 … 25.5 s.
  scheduler.advance(15_000);
  assert.equal(log.length, 17);
  scheduler.advance(30_000);
  assert.equal(log.length, 17);
  assert.deepEqual(log[0], [C.heartRateMeasurement, "00 56"]);
});

Deno.test("continuous mode stops on 15 01 00", async () => {
  const { band, scheduler, log } = await setup();
  await hr(band, "15 01 01");
  scheduler.advance(1500);
  await hr(band, "15 01 00");
  scheduler.advance(10_000);
  assert.equal(log.length, 1);
});

Deno.test("HR settings 14 0a and 15 00 01 are stored", async () => {
  const { band } = await setup();
  await hr(band, "14 0a");
  await hr(band, "15 00 01");
  assert.equal(band.state.heartRateIntervalMinutes, 10);
  assert.equal(band.state.heartRateSleepAssist, true);
});

Deno.test("emitHeartRate sends an unsolicited reading (§32.2)", async () => {
  const { band, log } = await setup();
  band.emitHeartRate(79);
  assert.deepEqual(log, [[C.heartRateMeasurement, "00 4f"]]);
});

Deno.test("user settings apply the §30.14 goal, wrist and profile and answer 10 <cmd> 01", async () => {
  const { band, log } = await setup();
  await band.write(
    S.miBand1,
    C.userSettings,
    hex("10 00 00 40 1f 00 00"),
    true,
  );
  await band.write(S.miBand1, C.userSettings, hex("20 00 00 82"), true);
  await band.write(
    S.miBand1,
    C.userSettings,
    hex("4f 00 00 c6 07 05 11 00 b4 00 98 3a 78 56 34 12"),
    true,
  );
  assert.equal(band.state.stepGoal, 8000);
  assert.equal(band.state.wearWrist, "right");
  assert.deepEqual(band.state.userProfile, {
    birthYear: 1990,
    birthMonth: 5,
    birthDay: 17,
    sex: "male",
    heightCm: 180,
    weightKg: 75,
    userId: 0x12345678,
  });
  assert.deepEqual(log.map(([, h]) => h), ["10 10 01", "10 20 01", "10 4f 01"]);
});

Deno.test("user settings answer an unknown command with status 04", async () => {
  const { band, log } = await setup();
  await band.write(S.miBand1, C.userSettings, hex("33 00"), true);
  assert.deepEqual(log, [[C.userSettings, "10 33 04"]]);
});
