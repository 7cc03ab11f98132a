// Chrome reports Web Bluetooth failures as DOMExceptions whose name is coarse and whose
// message carries the real reason, so both are read to pick a BleError code.

import { BleError, type BleErrorCode } from "./errors.ts";

const MESSAGE_CODES: [RegExp, BleErrorCode][] = [
  [/user cancel/i, "chooser_cancelled"],
  [/already in progress/i, "gatt_busy"],
  [/no longer in range|out of range/i, "out_of_range"],
  [
    /adapter (is )?not available|bluetooth (is )?(turned )?off|adapter.*(off|disabled)|globally disabled/i,
    "bluetooth_off",
  ],
  [/secure context|insecure|only available in secure/i, "insecure_context"],
  [
    /connection attempt failed|connection failed|failed to connect/i,
    "connection_failed",
  ],
  [/timed? ?out/i, "timeout"],
  [/disconnected|not connected/i, "disconnected"],
];

const NAME_CODES: Record<string, BleErrorCode> = {
  NotSupportedError: "not_supported",
  SecurityError: "gatt_error",
  NetworkError: "connection_failed",
  InvalidStateError: "gatt_error",
  NotFoundError: "gatt_error",
  NotAllowedError: "gatt_error",
  AbortError: "cancelled",
  TimeoutError: "timeout",
};

/** Maps an error thrown by Web Bluetooth during `action` (e.g. "connect to band") to a BleError. */
export function mapBluetoothError(err: unknown, action: string): BleError {
  if (err instanceof BleError) return err;
  const name = err instanceof Error || isDomLike(err)
    ? (err as Error).name
    : "";
  const message = err instanceof Error || isDomLike(err)
    ? (err as Error).message
    : String(err);
  const code = pickCode(name, message);
  const detail = message === ""
    ? name || "unknown failure"
    : message.replace(/\.$/, "");
  return new BleError(code, `Cannot ${action}: ${detail}`, { cause: err });
}

function pickCode(name: string, message: string): BleErrorCode {
  for (const [pattern, code] of MESSAGE_CODES) {
    if (pattern.test(message)) return code;
  }
  // A NotSupportedError on a GATT call means a write type the characteristic lacks,
  // not a browser without Bluetooth.
  if (
    name === "NotSupportedError" &&
    /gatt|write|characteristic|operation/i.test(message)
  ) {
    return "gatt_error";
  }
  return NAME_CODES[name] ?? "gatt_error";
}

function isDomLike(err: unknown): boolean {
  return typeof err === "object" && err !== null && "name" in err &&
    "message" in err;
}
