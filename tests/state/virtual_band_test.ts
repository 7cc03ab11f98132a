import assert from "node:assert/strict";
import {
  createVirtualBluetooth,
  GRANTS_STORAGE_KEY,
} from "../../lib/state/virtual_band.ts";
import { generateHistory } from "../../lib/sim/mod.ts";
import { BAND_REQUEST_OPTIONS } from "../../lib/ble/request_options.ts";
import { connectGatt } from "../../lib/ble/web_bluetooth.ts";
import { readMacAddress } from "../../lib/ble/ops/device_info.ts";

const KEY = "30313233343536373839404142434445";
const END = Date.UTC(2025, 2, 10, 12, 0);

Deno.test("createVirtualBluetooth() builds bands with the given days of history", () => {
  const vb = createVirtualBluetooth([
    { mac: "AA:BB:CC:DD:EE:01", key: KEY, historyDays: 3, historyEnd: END },
  ]);
  const history = vb.bands[0].state.history;
  assert.equal(history.samples.length, 3 * 1440);
  assert.equal(history.start + 3 * 1440 * 60_000, END);
  assert.equal(vb.bands[0].state.mac, "AA:BB:CC:DD:EE:01");
});

Deno.test("createVirtualBluetooth() lets the chooser pick a band by MAC and reads its MAC over GATT", async () => {
  localStorage.removeItem(GRANTS_STORAGE_KEY);
  const vb = createVirtualBluetooth([
    { mac: "AA:BB:CC:DD:EE:01", key: KEY },
    { mac: "AA:BB:CC:DD:EE:02", key: KEY },
  ]);
  vb.choose = "aa:bb:cc:dd:ee:02";
  const device = await vb.bluetooth.requestDevice(BAND_REQUEST_OPTIONS);
  const transport = await connectGatt(device);
  assert.equal(await readMacAddress(transport), "AA:BB:CC:DD:EE:02");
  transport.disconnect();
  localStorage.removeItem(GRANTS_STORAGE_KEY);
});

Deno.test("createVirtualBluetooth() rejects the chooser with the user-cancel error when choose is null", async () => {
  const vb = createVirtualBluetooth([{ mac: "AA:BB:CC:DD:EE:01", key: KEY }]);
  vb.choose = null;
  await assert.rejects(
    () => vb.bluetooth.requestDevice(BAND_REQUEST_OPTIONS),
    (err: Error) =>
      err.name === "NotFoundError" && /User cancelled/.test(err.message),
  );
});

Deno.test("createVirtualBluetooth() restores an earlier grant with the same device id, as after a reload", async () => {
  localStorage.removeItem(GRANTS_STORAGE_KEY);
  const spec = [{ mac: "AA:BB:CC:DD:EE:01", key: KEY }, {
    mac: "AA:BB:CC:DD:EE:02",
    key: KEY,
  }];
  const first = createVirtualBluetooth(spec);
  first.choose = "AA:BB:CC:DD:EE:02";
  const granted = await first.bluetooth.requestDevice(BAND_REQUEST_OPTIONS);
  const second = createVirtualBluetooth(spec);
  const devices = await second.bluetooth.getDevices();
  assert.deepEqual(devices.map((d) => d.id), [granted.id]);
  const transport = await connectGatt(devices[0]);
  assert.equal(await readMacAddress(transport), "AA:BB:CC:DD:EE:02");
  transport.disconnect();
  const without = createVirtualBluetooth(spec, { getDevices: false });
  assert.equal(typeof without.bluetooth.getDevices, "undefined");
  localStorage.removeItem(GRANTS_STORAGE_KEY);
});

Deno.test("createVirtualBluetooth() gives a band the generated workouts inside its history, none before it", () => {
  const vb = createVirtualBluetooth([
    { mac: "AA:BB:CC:DD:EE:01", key: KEY, historyDays: 10, historyEnd: END },
  ]);
  const { history, workouts } = vb.bands[0].state;
  const start = END - 10 * 1440 * 60_000;
  assert.equal(history.start, start);
  const generated = generateHistory({ end: END, weeks: 2, seed: 1 }).workouts;
  const expected = generated.filter((w) => w.start >= start);
  // Ten days hold three or four of the every-third-day runs; older ones are cut.
  assert.ok(expected.length >= 3 && expected.length < generated.length);
  assert.deepEqual(workouts, expected);
  const none = createVirtualBluetooth([{ mac: "AA:BB:CC:DD:EE:02", key: KEY }]);
  assert.deepEqual(none.bands[0].state.workouts, []);
});
