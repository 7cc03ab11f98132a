import assert from "node:assert/strict";
import { BleError, describeBleError } from "../../lib/ble/errors.ts";
import { mapBluetoothError } from "../../lib/ble/web_bluetooth.ts";
import { AuthError, ProtocolError } from "../../lib/protocol/errors.ts";

const CASES: [string, string, string][] = [
  [
    "NotFoundError",
    "User cancelled the requestDevice() chooser.",
    "chooser_cancelled",
  ],
  ["NotFoundError", "Bluetooth adapter not available.", "bluetooth_off"],
  ["NetworkError", "GATT operation already in progress.", "gatt_busy"],
  ["InvalidStateError", "GATT operation already in progress.", "gatt_busy"],
  ["NetworkError", "Bluetooth Device is no longer in range.", "out_of_range"],
  ["NetworkError", "Connection attempt failed.", "connection_failed"],
  [
    "NetworkError",
    "GATT Server is disconnected. Cannot perform GATT operations.",
    "disconnected",
  ],
  [
    "NotSupportedError",
    "Web Bluetooth is not available on this platform.",
    "not_supported",
  ],
  ["NotSupportedError", "GATT operation not permitted.", "gatt_error"],
  [
    "SecurityError",
    "requestDevice() is only available in secure contexts.",
    "insecure_context",
  ],
  [
    "SecurityError",
    "getCharacteristic(s) called with blocklisted UUID.",
    "gatt_error",
  ],
  [
    "NotFoundError",
    "No Characteristics matching UUID 00002a25 found in Service.",
    "gatt_error",
  ],
];

for (const [name, message, code] of CASES) {
  Deno.test(`mapBluetoothError() maps ${name} "${message}" to ${code}`, () => {
    const err = mapBluetoothError(
      new DOMException(message, name),
      "connect to band",
    );
    assert.ok(err instanceof BleError);
    assert.equal(err.code, code);
    assert.equal(
      err.message,
      `Cannot connect to band: ${message.replace(/\.$/, "")}`,
    );
    assert.equal(err.cause instanceof DOMException, true);
  });
}

Deno.test("mapBluetoothError() returns a BleError unchanged", () => {
  const original = new BleError(
    "timeout",
    "Cannot read 0006: no answer within 5 ms",
  );
  assert.equal(mapBluetoothError(original, "read"), original);
});

Deno.test("describeBleError() tells the user to turn off the phone's Bluetooth when out of range", () => {
  const d = describeBleError(
    new BleError("out_of_range", "Cannot connect to band: gone"),
  );
  assert.equal(d.title, "The band is not in range");
  assert.match(d.action, /turn off Bluetooth on the phone/);
});

Deno.test("describeBleError() explains a wrong key without echoing it", () => {
  const key = "30313233343536373839404142434445";
  const fromBle = describeBleError(
    new BleError(
      "wrong_key",
      "Cannot authenticate band: band rejected the key (reply 10 03 08)",
    ),
  );
  const fromAuth = describeBleError(
    new AuthError("rejected", {
      status: 8,
      bytes: new Uint8Array([0x10, 3, 8]),
    }),
  );
  assert.deepEqual(fromAuth, fromBle);
  assert.equal(fromBle.title, "The band rejected the auth key");
  assert.ok(!JSON.stringify(fromBle).includes(key));
});

Deno.test("describeBleError() covers protocol errors and unknown values", () => {
  const protocol = describeBleError(
    new ProtocolError("bad", { bytes: new Uint8Array([1]) }),
  );
  assert.equal(
    protocol.title,
    "The band sent an answer the app did not expect",
  );
  assert.deepEqual(describeBleError("boom"), {
    title: "Something went wrong talking to the band",
    action: "Reconnect the band and try again",
  });
});
