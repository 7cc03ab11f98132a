import assert from "node:assert/strict";
import { BleError } from "../../lib/ble/errors.ts";
import { MiBand4 } from "../../lib/ble/mi_band4.ts";
import {
  BAND_REQUEST_OPTIONS,
  connectBand,
  connectGatt,
  findGrantedDevice,
  requestBandDevice,
  watchUntilInRange,
} from "../../lib/ble/web_bluetooth.ts";
import { SERVICE } from "../../lib/protocol/constants.ts";
import { createFakeBluetooth } from "../../lib/sim/fake_bluetooth.ts";
import { GATT_MAP } from "../../lib/sim/gatt_map.ts";
import { VirtualBand } from "../../lib/sim/virtual_band.ts";
import { createSim, NOW, TEST_KEY } from "./sim_setup.ts";

// The fake follows the Web Bluetooth shapes closely but is not typed as the DOM's.
// deno-lint-ignore no-explicit-any
const asBluetooth = (fake: unknown) => fake as any as Bluetooth;

// The services the Bluetooth operations really address, read from their source
// (every `SERVICE.<name>` outside the chooser options), so the chooser list is
// checked against use rather than restated.
async function listServicesUsedByOps(): Promise<string[]> {
  const names = new Set<string>();
  const dir = new URL("../../lib/ble/", import.meta.url);
  async function scan(url: URL): Promise<void> {
    for await (const entry of Deno.readDir(url)) {
      const child = new URL(entry.name + (entry.isDirectory ? "/" : ""), url);
      if (entry.isDirectory) await scan(child);
      else if (
        entry.name !== "request_options.ts" && entry.name.endsWith(".ts")
      ) {
        const source = await Deno.readTextFile(child);
        for (const m of source.matchAll(/\bSERVICE\.(\w+)/g)) names.add(m[1]);
      }
    }
  }
  await scan(dir);
  return [...names].map((name) => {
    const uuid = SERVICE[name as keyof typeof SERVICE];
    assert.ok(uuid, `SERVICE.${name} is a known service`);
    return uuid;
  }).sort();
}

Deno.test("BAND_REQUEST_OPTIONS filters on the band's name and lists exactly the services the operations use", async () => {
  assert.deepEqual(BAND_REQUEST_OPTIONS.filters, [{
    namePrefix: "Mi Smart Band 4",
  }]);
  const used = await listServicesUsedByOps();
  assert.ok(used.length >= 6, `found the operations' services: ${used}`);
  const onBand = new Set(GATT_MAP.map((s) => s.uuid));
  for (const uuid of used) {
    assert.ok(onBand.has(uuid), `${uuid} is on the band`);
  }
  assert.deepEqual([...BAND_REQUEST_OPTIONS.optionalServices].sort(), used);
  assert.deepEqual(BAND_REQUEST_OPTIONS.optionalManufacturerData, [0x0157]);
});

Deno.test("requestBandDevice() and connectGatt() drive a whole MiBand4 session through the fake API", async () => {
  const sim = createSim({ mac: "E1:2C:9F:0B:F1:44" });
  const bluetooth = asBluetooth(createFakeBluetooth([sim]));
  const device = await requestBandDevice(bluetooth);
  const transport = await connectGatt(device);
  const band = await MiBand4.connect(transport, {
    authKey: TEST_KEY,
    now: () => NOW,
  });
  assert.equal(await band.readMacAddress(), "E1:2C:9F:0B:F1:44");
  await band.settings.setStepGoal(9000);
  assert.equal(sim.state.stepGoal, 9000);
  const seen: number[] = [];
  const stop = await band.watchBattery((b) => seen.push(b.level));
  sim.setBattery({ level: 42 });
  await new Promise((r) => setTimeout(r, 10));
  await stop();
  assert.deepEqual(seen, [42]);
  const lost = new Promise<void>((resolve) => band.onDisconnect(resolve));
  sim.dropLink();
  await lost;
  await assert.rejects(band.readBattery(), { code: "disconnected" });
  assert.equal(await findGrantedDevice(bluetooth, device.id), device);
  assert.equal(await findGrantedDevice(bluetooth, "nope"), null);
});

Deno.test("requestBandDevice() maps a dismissed chooser and a powered-off adapter", async () => {
  const fake = createFakeBluetooth([createSim()]);
  fake.cancelChooser = true;
  await assert.rejects(requestBandDevice(asBluetooth(fake)), {
    code: "chooser_cancelled",
    message: "Cannot choose a band: User cancelled the requestDevice() chooser",
  });
  const off = createFakeBluetooth([createSim()], { poweredOff: true });
  await assert.rejects(requestBandDevice(asBluetooth(off)), {
    code: "bluetooth_off",
  });
  await assert.rejects(requestBandDevice(undefined), { code: "not_supported" });
});

Deno.test("requestBandDevice() does not offer other Huami devices", async () => {
  const other = new VirtualBand({ name: "Mi Smart Band 5", now: () => NOW });
  await assert.rejects(
    requestBandDevice(asBluetooth(createFakeBluetooth([other]))),
    {
      code: "chooser_cancelled",
    },
  );
});

Deno.test("connectGatt() reports out of range and connection failures with their codes", async () => {
  const sim = createSim();
  const fake = createFakeBluetooth([sim]);
  const device = await requestBandDevice(asBluetooth(fake));
  fake.setInRange(sim, false);
  await assert.rejects(connectGatt(device), (err: unknown) => {
    assert.ok(err instanceof BleError);
    assert.equal(err.code, "out_of_range");
    assert.equal(
      err.message,
      "Cannot connect to band: Bluetooth Device is no longer in range",
    );
    return true;
  });
  fake.setInRange(sim, true);
  fake.failNextConnect(sim);
  await assert.rejects(connectGatt(device), { code: "connection_failed" });
});

Deno.test("connectBand() waits for an advertisement when the band was out of range", async () => {
  const sim = createSim();
  const fake = createFakeBluetooth([sim]);
  const device = await requestBandDevice(asBluetooth(fake));
  fake.setInRange(sim, false);
  setTimeout(() => fake.setInRange(sim, true), 20);
  const transport = await connectBand(device, { timeoutMs: 1000 });
  assert.equal(transport.connected, true);
  transport.disconnect();
});

Deno.test("watchUntilInRange() gives up with out_of_range after the timeout", async () => {
  const sim = createSim();
  const fake = createFakeBluetooth([sim]);
  const device = await requestBandDevice(asBluetooth(fake));
  fake.setInRange(sim, false);
  await assert.rejects(watchUntilInRange(device, { timeoutMs: 20 }), {
    code: "out_of_range",
    message: "Cannot find the band: no advertisement within 20 ms",
  });
});
