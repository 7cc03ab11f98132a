import assert from "node:assert/strict";
import { CHARACTERISTIC as C } from "../../lib/protocol/constants.ts";
import { createFakeBluetooth, createVirtualBand } from "../../lib/sim/mod.ts";
import { ANSWER, CHALLENGE, toHex } from "./_helpers.ts";

const OPTIONS = {
  filters: [{ namePrefix: "Mi Smart Band 4" }],
  optionalServices: [
    0xfee0,
    0xfee1,
    "device_information",
    "heart_rate",
    "alert_notification",
    "immediate_alert",
  ],
};

function twoBands() {
  const a = createVirtualBand({
    now: () => 0,
    mac: "D1:C5:15:51:03:89",
    randomBytes: () => CHALLENGE.slice(),
  });
  const b = createVirtualBand({ now: () => 0, mac: "E1:2C:9F:0B:F1:44" });
  return { a, b };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

Deno.test("requestDevice grants a band whose services page code can use unchanged", async () => {
  const { a } = twoBands();
  const bluetooth = createFakeBluetooth([a]);
  const device = await bluetooth.requestDevice(OPTIONS);
  assert.equal(device.name, "Mi Smart Band 4");
  const server = await device.gatt.connect();
  assert.equal(server.connected, true);
  const info = await server.getPrimaryService("device_information");
  const systemId = await (await info.getCharacteristic("system_id"))
    .readValue();
  assert.equal(
    toHex(new Uint8Array(systemId.buffer)),
    "d1 c5 15 ff fe 51 03 89",
  );
});

Deno.test("Web Bluetooth auth flow runs against the fake with characteristicvaluechanged events", async () => {
  const { a } = twoBands();
  const device = await createFakeBluetooth([a]).requestDevice(OPTIONS);
  const server = await device.gatt.connect();
  const auth = await (await server.getPrimaryService(0xfee1)).getCharacteristic(
    C.auth,
  );
  const got: string[] = [];
  auth.addEventListener("characteristicvaluechanged", (event) => {
    const view = (event.target as unknown as { value: DataView }).value;
    got.push(
      toHex(new Uint8Array(view.buffer, view.byteOffset, view.byteLength)),
    );
  });
  await auth.startNotifications();
  await auth.writeValueWithoutResponse(new Uint8Array([2, 0]));
  await tick();
  const answer = new Uint8Array(18);
  answer.set([3, 0]);
  answer.set(ANSWER, 2);
  await auth.writeValueWithoutResponse(answer);
  await tick();
  assert.deepEqual(got.map((h) => h.slice(0, 8)), ["10 02 01", "10 03 01"]);
  assert.equal(a.state.authenticated, true);
});

Deno.test("a service missing from optionalServices throws SecurityError", async () => {
  const { a } = twoBands();
  const device = await createFakeBluetooth([a]).requestDevice({
    filters: [{ services: [0xfee0] }],
  });
  const server = await device.gatt.connect();
  await server.getPrimaryService(0xfee0);
  await assert.rejects(
    server.getPrimaryService("heart_rate"),
    (e: DOMException) => e.name === "SecurityError",
  );
});

Deno.test("the blocklisted serial number characteristic throws SecurityError", async () => {
  const { a } = twoBands();
  const device = await createFakeBluetooth([a]).requestDevice(OPTIONS);
  const info = await (await device.gatt.connect()).getPrimaryService(0x180a);
  await assert.rejects(
    info.getCharacteristic(0x2a25),
    (e: DOMException) => e.name === "SecurityError",
  );
});

Deno.test("writeValueWithoutResponse on a W-only characteristic throws NotSupportedError", async () => {
  const { a } = twoBands();
  const device = await createFakeBluetooth([a]).requestDevice(OPTIONS);
  const fee0 = await (await device.gatt.connect()).getPrimaryService(0xfee0);
  const settings = await fee0.getCharacteristic(C.userSettings);
  await assert.rejects(
    settings.writeValueWithoutResponse(new Uint8Array([0x20, 0, 0, 2])),
    (e: DOMException) => e.name === "NotSupportedError",
  );
  await assert.rejects(
    fee0.getCharacteristic(0x2a19),
    (e: DOMException) => e.name === "NotFoundError",
  );
});

Deno.test("a cancelled chooser rejects with NotFoundError", async () => {
  const { a } = twoBands();
  const bluetooth = createFakeBluetooth([a]);
  bluetooth.cancelChooser = true;
  await assert.rejects(
    bluetooth.requestDevice(OPTIONS),
    (e: DOMException) =>
      e.name === "NotFoundError" &&
      e.message === "User cancelled the requestDevice() chooser.",
  );
});

Deno.test("Bluetooth off rejects requestDevice and reports unavailability", async () => {
  const { a } = twoBands();
  const bluetooth = createFakeBluetooth([a], { poweredOff: true });
  assert.equal(await bluetooth.getAvailability(), false);
  await assert.rejects(
    bluetooth.requestDevice(OPTIONS),
    (e: DOMException) => e.message === "Bluetooth adapter not available.",
  );
});

Deno.test("several bands: the chooser picks one and each grant gets a new id", async () => {
  const { a, b } = twoBands();
  const bluetooth = createFakeBluetooth([a, b], { choose: (list) => list[1] });
  const first = await bluetooth.requestDevice(OPTIONS);
  assert.equal(first.band, b);
  assert.deepEqual((await bluetooth.getDevices()).map((d) => d.id), [first.id]);
  await first.forget();
  assert.deepEqual(await bluetooth.getDevices(), []);
  const second = await bluetooth.requestDevice(OPTIONS);
  assert.notEqual(second.id, first.id);
  assert.equal(second.band, b);
});

Deno.test("filters by exact name exclude bands with another name", async () => {
  const other = createVirtualBand({ now: () => 0, name: "Mi Smart Band 5" });
  const bluetooth = createFakeBluetooth([other]);
  await assert.rejects(
    bluetooth.requestDevice({ filters: [{ name: "Mi Smart Band 4" }] }),
    (e: DOMException) => e.name === "NotFoundError",
  );
});

Deno.test("out of range drops the link, fires gattserverdisconnected and fails reconnects", async () => {
  const { a } = twoBands();
  const bluetooth = createFakeBluetooth([a]);
  const device = await bluetooth.requestDevice(OPTIONS);
  await device.gatt.connect();
  let disconnected = 0;
  device.addEventListener("gattserverdisconnected", () => disconnected++);
  bluetooth.setInRange(a, false);
  await tick();
  assert.equal(disconnected, 1);
  assert.equal(device.gatt.connected, false);
  await assert.rejects(
    device.gatt.connect(),
    (e: DOMException) =>
      e.message === "Bluetooth Device is no longer in range.",
  );
});

Deno.test("watchAdvertisements fires advertisementreceived with the MAC when the band returns", async () => {
  const { a } = twoBands();
  const bluetooth = createFakeBluetooth([a]);
  const device = await bluetooth.requestDevice(OPTIONS);
  bluetooth.setInRange(a, false);
  const seen: string[] = [];
  device.addEventListener("advertisementreceived", (event) => {
    const data =
      (event as unknown as { manufacturerData: Map<number, DataView> })
        .manufacturerData.get(0x0157)!;
    seen.push(toHex(new Uint8Array(data.buffer).subarray(18)));
  });
  await device.watchAdvertisements();
  await tick();
  assert.deepEqual(seen, []);
  bluetooth.setInRange(a, true);
  assert.deepEqual(seen, ["d1 c5 15 51 03 89"]);
  await device.gatt.connect();
  assert.equal(device.gatt.connected, true);
});

Deno.test("objects from an old connection go stale after a reconnect", async () => {
  const { a } = twoBands();
  const device = await createFakeBluetooth([a]).requestDevice(OPTIONS);
  const battery =
    await (await (await device.gatt.connect()).getPrimaryService(0xfee0))
      .getCharacteristic(C.battery);
  device.gatt.disconnect();
  await device.gatt.connect();
  await assert.rejects(
    battery.readValue(),
    (e: DOMException) => e.name === "InvalidStateError",
  );
});

Deno.test("failNextConnect reproduces Chrome's connection attempt failure once", async () => {
  const { a } = twoBands();
  const bluetooth = createFakeBluetooth([a]);
  const device = await bluetooth.requestDevice(OPTIONS);
  bluetooth.failNextConnect(a);
  await assert.rejects(
    device.gatt.connect(),
    (e: DOMException) => e.message === "Connection attempt failed.",
  );
  await device.gatt.connect();
  assert.equal(device.gatt.connected, true);
});
