import assert from "node:assert/strict";
import {
  CHARACTERISTIC as C,
  SERVICE as S,
} from "../../lib/protocol/constants.ts";
import {
  assertNotifiable,
  assertReadable,
  assertWritable,
  findCharacteristic,
  findService,
  GATT_MAP,
} from "../../lib/sim/gatt_map.ts";

function props(service: string, characteristic: string): string {
  const p = findCharacteristic(service, characteristic).properties;
  return [
    p.read && "R",
    p.write && "W",
    p.writeWithoutResponse && "WNR",
    p.notify && "N",
  ].filter(Boolean).join(",");
}

Deno.test("GATT map gives the §2.2 properties to the characteristics clients use", () => {
  const expected: [string, string, string][] = [
    [S.miBand2, C.auth, "R,WNR,N"],
    [S.miBand1, C.configuration, "WNR,N"],
    [S.miBand1, C.fetchControl, "WNR,N"],
    [S.miBand1, C.fetchData, "N"],
    [S.miBand1, C.battery, "R,N"],
    [S.miBand1, C.realtimeActivity, "R,N"],
    [S.miBand1, C.userSettings, "W,N"],
    [S.miBand1, C.deviceEvent, "N"],
    [S.miBand1, C.chunkedTransfer, "R,WNR,N"],
    [S.miBand1, C.currentTime, "R,W,N"],
    [S.deviceInformation, C.systemId, "R"],
    [S.heartRate, C.heartRateMeasurement, "N"],
    [S.heartRate, C.heartRateControlPoint, "R,W"],
    [S.alertNotification, C.newAlert, "R,W"],
    [S.immediateAlert, C.alertLevel, "WNR"],
  ];
  for (const [service, characteristic, flags] of expected) {
    assert.equal(props(service, characteristic), flags, characteristic);
  }
});

Deno.test("GATT map has no standard battery service and ten services", () => {
  assert.equal(GATT_MAP.length, 10);
  assert.throws(
    () => findService("0000180f-0000-1000-8000-00805f9b34fb"),
    (e: DOMException) => e.name === "NotFoundError",
  );
});

Deno.test("findCharacteristic throws NotFoundError for a characteristic of another service", () => {
  assert.throws(
    () => findCharacteristic(S.miBand1, C.auth),
    (e: DOMException) =>
      e.name === "NotFoundError" &&
      e.message ===
        `No Characteristics matching UUID ${C.auth} found in Service with UUID ${S.miBand1}.`,
  );
});

Deno.test("assertWritable refuses the wrong write type with NotSupportedError", () => {
  const bytes = new Uint8Array([1]);
  assert.throws(
    () =>
      assertWritable(
        findCharacteristic(S.miBand1, C.userSettings),
        bytes,
        false,
      ),
    (e: DOMException) => e.name === "NotSupportedError",
  );
  assert.throws(
    () =>
      assertWritable(
        findCharacteristic(S.miBand1, C.configuration),
        bytes,
        true,
      ),
    (e: DOMException) => e.name === "NotSupportedError",
  );
  assert.doesNotThrow(() =>
    assertWritable(findCharacteristic(S.miBand1, C.userSettings), bytes, true)
  );
  assert.doesNotThrow(() =>
    assertWritable(findCharacteristic(S.miBand1, C.configuration), bytes, false)
  );
});

Deno.test("assertWritable refuses values over 512 bytes with InvalidModificationError", () => {
  assert.throws(
    () =>
      assertWritable(
        findCharacteristic(S.miBand1, C.chunkedTransfer),
        new Uint8Array(513),
        false,
      ),
    (e: DOMException) => e.name === "InvalidModificationError",
  );
});

Deno.test("assertReadable refuses notify-only, write-only and read-not-permitted characteristics", () => {
  for (
    const [service, characteristic] of [[S.heartRate, C.heartRateMeasurement], [
      S.immediateAlert,
      C.alertLevel,
    ], [S.miBand1, C.unknown0011]]
  ) {
    assert.throws(
      () => assertReadable(findCharacteristic(service, characteristic)),
      (e: DOMException) => e.name === "NotSupportedError",
    );
  }
  assert.doesNotThrow(() =>
    assertReadable(findCharacteristic(S.miBand1, C.battery))
  );
});

Deno.test("assertNotifiable refuses a characteristic without notify", () => {
  assert.throws(
    () => assertNotifiable(findCharacteristic(S.deviceInformation, C.systemId)),
    (e: DOMException) => e.name === "NotSupportedError",
  );
  assert.doesNotThrow(() =>
    assertNotifiable(findCharacteristic(S.miBand1, C.deviceEvent))
  );
});
