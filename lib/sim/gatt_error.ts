// Chrome rejects Web Bluetooth calls with DOMExceptions; the simulator throws the
// same names and messages so code that branches on `error.name` behaves alike.

/** DOMException names Chrome uses for Web Bluetooth failures. */
export type GattErrorName =
  | "NotSupportedError"
  | "InvalidModificationError"
  | "NotFoundError"
  | "NetworkError"
  | "SecurityError"
  | "NotAllowedError"
  | "InvalidStateError"
  | "AbortError";

/** Creates a DOMException with the given Web Bluetooth error name. */
export function createGattError(
  name: GattErrorName,
  message: string,
): DOMException {
  return new DOMException(message, name);
}

/** Creates the error Chrome gives for an operation on a dropped link. */
export function createDisconnectedError(): DOMException {
  return createGattError(
    "NetworkError",
    "GATT Server is disconnected. Cannot perform GATT operations. (Re)connect first with `device.gatt.connect`.",
  );
}
