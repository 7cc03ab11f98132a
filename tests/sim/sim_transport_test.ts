import assert from "node:assert/strict";
import {
  CHARACTERISTIC as C,
  SERVICE as S,
} from "../../lib/protocol/constants.ts";
import { createSimTransport, createVirtualBand } from "../../lib/sim/mod.ts";
import { ANSWER, CHALLENGE, hex, toHex } from "./_helpers.ts";

function setup() {
  const band = createVirtualBand({
    now: () => Date.UTC(2024, 2, 10),
    randomBytes: () => CHALLENGE.slice(),
  });
  const transport = createSimTransport(band);
  return { band, transport };
}

function answer(): Uint8Array {
  const out = new Uint8Array(18);
  out.set([3, 0]);
  out.set(ANSWER, 2);
  return out;
}

async function authenticate(
  transport: ReturnType<typeof setup>["transport"],
): Promise<string[]> {
  const got: string[] = [];
  await transport.subscribe(S.miBand2, C.auth, (v) => got.push(toHex(v)));
  await transport.write(S.miBand2, C.auth, hex("02 00"), {
    withResponse: false,
  });
  await new Promise((r) => setTimeout(r, 0));
  await transport.write(S.miBand2, C.auth, answer(), { withResponse: false });
  await new Promise((r) => setTimeout(r, 5));
  return got;
}

Deno.test("SimTransport delivers notifications after the write resolves, not inside it", async () => {
  const { transport } = setup();
  const got: string[] = [];
  await transport.subscribe(S.miBand2, C.auth, (v) => got.push(toHex(v)));
  await transport.write(S.miBand2, C.auth, hex("02 00"), {
    withResponse: false,
  });
  assert.deepEqual(got, []);
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(got, [
    "10 02 01 57 3a 0e 2f ab 36 46 4e e2 72 f3 51 7c 4c 3c a7",
  ]);
});

Deno.test("SimTransport authenticates end to end with the §30.1 vector", async () => {
  const { transport, band } = setup();
  assert.deepEqual((await authenticate(transport)).map((h) => h.slice(0, 8)), [
    "10 02 01",
    "10 03 01",
  ]);
  assert.equal(band.state.authenticated, true);
});

Deno.test("SimTransport rejects a write of the wrong type with NotSupportedError", async () => {
  const { transport } = setup();
  await assert.rejects(
    transport.write(S.miBand1, C.userSettings, hex("20 00 00 82"), {
      withResponse: false,
    }),
    (e: DOMException) => e.name === "NotSupportedError",
  );
  await assert.rejects(
    transport.write(S.miBand1, C.configuration, hex("06 02 00 01"), {
      withResponse: true,
    }),
    (e: DOMException) => e.name === "NotSupportedError",
  );
});

Deno.test("failNextOperation fails exactly one operation with the chosen GATT error", async () => {
  const { transport } = setup();
  transport.faults.failNextOperation("NetworkError");
  await assert.rejects(
    transport.read(S.deviceInformation, C.softwareRevision),
    (e: DOMException) => e.name === "NetworkError",
  );
  assert.deepEqual(
    await transport.read(S.deviceInformation, C.softwareRevision),
    new TextEncoder().encode("V1.0.9.70"),
  );
});

Deno.test("dropLinkAfterPackets drops the link and fires onDisconnect", async () => {
  const { transport, band } = setup();
  await authenticate(transport);
  let dropped = 0;
  transport.onDisconnect(() => dropped++);
  transport.faults.dropLinkAfterPackets(2);
  band.pressButton();
  const got: string[] = [];
  await transport.subscribe(
    S.miBand1,
    C.deviceEvent,
    (v) => got.push(toHex(v)),
  );
  band.pressButton();
  band.pressButton();
  band.pressButton();
  await new Promise((r) => setTimeout(r, 5));
  // The link drop schedules onDisconnect on a later timer: on a busy machine the
  // 5 ms wait can expire before it runs, so give it one more turn.
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(got, ["04", "04"]);
  assert.equal(transport.connected, false);
  assert.equal(band.connected, false);
  assert.equal(dropped, 1);
  await assert.rejects(
    transport.read(S.miBand1, C.battery),
    (e: DOMException) => e.name === "NetworkError",
  );
});

Deno.test("dropLinkOnWrite drops the link at the chosen dialogue step", async () => {
  const { transport, band } = setup();
  await authenticate(transport);
  transport.faults.dropLinkOnWrite({
    characteristic: C.fetchControl,
    prefix: [0x02],
  });
  await transport.write(
    S.miBand1,
    C.fetchControl,
    hex("01 01 e8 07 03 0a 00 00 00 04"),
    { withResponse: false },
  );
  await assert.rejects(
    transport.write(S.miBand1, C.fetchControl, hex("02"), {
      withResponse: false,
    }),
    (e: DOMException) => e.name === "NetworkError",
  );
  assert.equal(band.connected, false);
  assert.equal(band.state.authenticated, false);
});

Deno.test("lose, duplicate and corrupt faults hit exactly the chosen notification", async () => {
  const { transport, band } = setup();
  await authenticate(transport);
  const got: string[] = [];
  await transport.subscribe(
    S.miBand1,
    C.deviceEvent,
    (v) => got.push(toHex(v)),
  );
  transport.faults.loseNotification({
    characteristic: C.deviceEvent,
    index: 0,
  });
  transport.faults.duplicateNotification({
    characteristic: C.deviceEvent,
    index: 1,
  });
  transport.faults.corruptNotification({
    characteristic: C.deviceEvent,
    index: 2,
  });
  band.pressMusicButton("play");
  band.pressMusicButton("next");
  band.pressMusicButton("previous");
  band.pressMusicButton("pause");
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(got, ["fe 03", "fe 03", "fe fb", "fe 01"]);
});

Deno.test("refuseNextFetch through the band answers 10 01 02", async () => {
  const { transport, band } = setup();
  await authenticate(transport);
  const got: string[] = [];
  await transport.subscribe(
    S.miBand1,
    C.fetchControl,
    (v) => got.push(toHex(v)),
  );
  band.refuseNextFetch();
  await transport.write(
    S.miBand1,
    C.fetchControl,
    hex("01 01 e8 07 03 0a 00 00 00 04"),
    { withResponse: false },
  );
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(got, ["10 01 02"]);
});

Deno.test("delayReplies holds notifications back by the given time", async () => {
  const { transport, band } = setup();
  await authenticate(transport);
  const got: string[] = [];
  await transport.subscribe(
    S.miBand1,
    C.deviceEvent,
    (v) => got.push(toHex(v)),
  );
  transport.faults.delayReplies(40);
  band.startFindPhone();
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(got, []);
  await new Promise((r) => setTimeout(r, 60));
  assert.deepEqual(got, ["08"]);
});

Deno.test("stopAnswering leaves operations pending and notifications undelivered", async () => {
  const { transport } = setup();
  transport.faults.stopAnswering();
  let settled = false;
  transport.read(S.deviceInformation, C.systemId).finally(
    () => (settled = true),
  );
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(settled, false);
});

Deno.test("disconnect() resets the band session and notifies listeners", async () => {
  const { transport, band } = setup();
  await authenticate(transport);
  let dropped = 0;
  transport.onDisconnect(() => dropped++);
  transport.disconnect();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(dropped, 1);
  assert.equal(transport.connected, false);
  assert.equal(band.state.authenticated, false);
});

Deno.test("latencyMs delays operations", async () => {
  const band = createVirtualBand();
  const transport = createSimTransport(band, { latencyMs: 30 });
  const t0 = performance.now();
  await transport.read(S.deviceInformation, C.systemId);
  assert.ok(performance.now() - t0 >= 25);
});
