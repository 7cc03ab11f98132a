import assert from "node:assert/strict";
import {
  CHARACTERISTIC as C,
  SERVICE as S,
} from "../../lib/protocol/constants.ts";
import { VirtualBand } from "../../lib/sim/virtual_band.ts";
import {
  ANSWER,
  CHALLENGE,
  hex,
  ManualScheduler,
  recordNotifications,
} from "./_helpers.ts";

function connectedBand(): VirtualBand {
  const band = new VirtualBand({
    now: () => 0,
    randomBytes: () => CHALLENGE.slice(),
    scheduler: new ManualScheduler(),
  });
  band.connect();
  band.startNotifications(S.miBand2, C.auth);
  return band;
}

function answer(prefix: string): Uint8Array {
  const out = new Uint8Array(18);
  out.set(hex(prefix));
  out.set(ANSWER, 2);
  return out;
}

Deno.test("auth flow A answers the §30.1 challenge and accepts the right key", async () => {
  const band = connectedBand();
  const log = recordNotifications(band);
  await band.write(S.miBand2, C.auth, hex("02 00"), false);
  await band.write(S.miBand2, C.auth, answer("03 00"), false);
  assert.deepEqual(log, [
    [C.auth, "10 02 01 57 3a 0e 2f ab 36 46 4e e2 72 f3 51 7c 4c 3c a7"],
    [C.auth, "10 03 01"],
  ]);
  assert.equal(band.state.authenticated, true);
});

Deno.test("auth flow B echoes the crypt flag in every reply", async () => {
  const band = connectedBand();
  const log = recordNotifications(band);
  await band.write(S.miBand2, C.auth, hex("82 00 02 01 00"), false);
  await band.write(S.miBand2, C.auth, answer("83 00"), false);
  assert.deepEqual(log.map((e) => e[1].slice(0, 8)), ["10 82 01", "10 83 01"]);
  assert.equal(band.state.authenticated, true);
});

Deno.test("auth with a wrong key answers 10 03 08 in flow A and 10 83 04 in flow B", async () => {
  const band = new VirtualBand({
    now: () => 0,
    randomBytes: () => CHALLENGE.slice(),
    key: hex("000102030405060708090a0b0c0d0e0f"),
  });
  band.connect();
  band.startNotifications(S.miBand2, C.auth);
  const log = recordNotifications(band);
  await band.write(S.miBand2, C.auth, hex("02 00"), false);
  await band.write(S.miBand2, C.auth, answer("03 00"), false);
  await band.write(S.miBand2, C.auth, hex("82 00 02 01 00"), false);
  await band.write(S.miBand2, C.auth, answer("83 00"), false);
  assert.deepEqual(log.map((e) => e[1]).filter((h) => h.length === 8), [
    "10 03 08",
    "10 83 04",
  ]);
  assert.equal(band.state.authenticated, false);
});

Deno.test("auth answer without a pending challenge fails with 10 03 04", async () => {
  const band = connectedBand();
  const log = recordNotifications(band);
  await band.write(S.miBand2, C.auth, answer("03 00"), false);
  assert.deepEqual(log, [[C.auth, "10 03 04"]]);
});

Deno.test("legacy send-key step is refused with 10 01 04", async () => {
  const band = connectedBand();
  const log = recordNotifications(band);
  const sendKey = new Uint8Array(18);
  sendKey[0] = 0x01;
  await band.write(S.miBand2, C.auth, sendKey, false);
  assert.deepEqual(log, [[C.auth, "10 01 04"]]);
});

Deno.test("authentication does not survive a disconnect", async () => {
  const band = connectedBand();
  await band.write(S.miBand2, C.auth, hex("02 00"), false);
  await band.write(S.miBand2, C.auth, answer("03 00"), false);
  band.disconnect();
  band.connect();
  assert.equal(band.state.authenticated, false);
  assert.equal(band.isNotifying(C.auth), false);
});

Deno.test("commands that need auth get no reply before authentication", async () => {
  const band = connectedBand();
  band.startNotifications(S.miBand1, C.configuration);
  band.startNotifications(S.miBand1, C.fetchControl);
  const log = recordNotifications(band);
  await band.write(S.miBand1, C.configuration, hex("06 02 00 01"), false);
  await band.write(
    S.miBand1,
    C.fetchControl,
    hex("01 01 e8 07 03 0a 00 00 00 04"),
    false,
  );
  assert.deepEqual(log, []);
  assert.deepEqual(band.state.rawConfig, {});
});
