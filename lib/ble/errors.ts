// Typed Bluetooth errors: the code says what failed, the message carries the detail,
// and describeBleError() turns either into words a user can act on.

/** Every way a Bluetooth session with the band can fail, as the UI distinguishes them. */
export type BleErrorCode =
  | "not_supported"
  | "insecure_context"
  | "chooser_cancelled"
  | "bluetooth_off"
  | "out_of_range"
  | "connection_failed"
  | "disconnected"
  | "timeout"
  | "cancelled"
  | "gatt_busy"
  | "gatt_error"
  | "wrong_key"
  | "auth_failed"
  | "mac_mismatch"
  | "band_busy"
  | "protocol";

/** An error from Bluetooth I/O or the band dialogue, with a code the UI can switch on. */
export class BleError extends Error {
  /** What kind of failure this is. */
  readonly code: BleErrorCode;

  /** Builds an error; `message` follows the house style ("Cannot x: detail"). */
  constructor(
    code: BleErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "BleError";
    this.code = code;
  }
}

/** Plain-language explanation of a failure: what happened and what to do about it. */
export interface BleErrorDescription {
  /** What happened, in one short sentence. */
  title: string;
  /** What the user can do next. */
  action: string;
}

const DESCRIPTIONS: Record<BleErrorCode, BleErrorDescription> = {
  not_supported: {
    title: "This browser cannot use Bluetooth",
    action: "Open the app in Chrome or Edge on a computer or Android phone",
  },
  insecure_context: {
    title: "Bluetooth needs a secure page",
    action: "Open the app over https:// or on localhost",
  },
  chooser_cancelled: {
    title: "No band was chosen",
    action: 'Click connect again and pick "Mi Smart Band 4" in the list',
  },
  bluetooth_off: {
    title: "Bluetooth is off or unavailable on this computer",
    action: "Turn Bluetooth on in the system settings, then try again",
  },
  out_of_range: {
    title: "The band is not in range",
    action:
      "Bring the band close to the computer; if it is connected to a phone, turn off Bluetooth on the phone",
  },
  connection_failed: {
    title: "The band did not accept the connection",
    action:
      "Turn off Bluetooth on the phone paired with the band, then choose the band again",
  },
  disconnected: {
    title: "The connection to the band was lost",
    action:
      "Keep the band close and connect again; nothing unsaved was removed from the band",
  },
  timeout: {
    title: "The band stopped answering",
    action:
      "Keep the band close, then try again; if it persists, toggle Bluetooth off and on",
  },
  cancelled: {
    title: "The operation was cancelled",
    action: "Start it again when you are ready",
  },
  gatt_busy: {
    title: "Bluetooth was busy with another request",
    action: "Wait a moment and try again",
  },
  gatt_error: {
    title: "A Bluetooth request to the band failed",
    action: "Try again; if it keeps failing, reconnect the band",
  },
  wrong_key: {
    title: "The band rejected the auth key",
    action:
      "Check the 32-character key; it changes whenever the band is reset or paired again in Mi Fit or Zepp Life",
  },
  auth_failed: {
    title: "The band refused to authenticate",
    action: "Reconnect the band and try again",
  },
  mac_mismatch: {
    title: "This is a different band",
    action: "Choose the band you added before, or add this one as a new band",
  },
  band_busy: {
    title: "The band is busy with another transfer",
    action: "Wait a minute and try again",
  },
  protocol: {
    title: "The band sent an answer the app did not expect",
    action: "Reconnect the band and try again",
  },
};

const UNKNOWN: BleErrorDescription = {
  title: "Something went wrong talking to the band",
  action: "Reconnect the band and try again",
};

/** Turns any thrown value into a title and an action for the user, never exposing the key. */
export function describeBleError(err: unknown): BleErrorDescription {
  if (err instanceof BleError) return DESCRIPTIONS[err.code];
  if (err instanceof Error && err.name === "AuthError") {
    return DESCRIPTIONS.wrong_key;
  }
  if (err instanceof Error && err.name === "ProtocolError") {
    return DESCRIPTIONS.protocol;
  }
  if (err instanceof Error && err.name === "AbortError") {
    return DESCRIPTIONS.cancelled;
  }
  return UNKNOWN;
}

/** Whether a value is a BleError with one of the given codes. */
export function isBleError(
  err: unknown,
  ...codes: BleErrorCode[]
): err is BleError {
  return err instanceof BleError &&
    (codes.length === 0 || codes.includes(err.code));
}
