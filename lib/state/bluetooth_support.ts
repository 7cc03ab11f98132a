// Whether this browser can talk to a band, shared by every island that needs to know.
import { signal } from "@preact/signals";

/** The outcome of checking this browser for Web Bluetooth. */
export type BluetoothSupport =
  | { status: "unknown" }
  | { status: "ready" }
  | { status: "insecure_context"; origin: string }
  | { status: "missing_api"; linux: boolean }
  | { status: "unavailable" };

/** What the check needs from the browser, so tests can pass their own. */
export interface BrowserFacts {
  isSecureContext: boolean;
  origin: string;
  hasBluetooth: boolean;
  userAgent: string;
  /** `navigator.bluetooth.getAvailability()`, where the browser has it. */
  adapterAvailable?: boolean;
}

/** Decides whether Web Bluetooth can be used, and if not, why. */
export function checkBluetoothSupport(facts: BrowserFacts): BluetoothSupport {
  if (!facts.isSecureContext) {
    return { status: "insecure_context", origin: facts.origin };
  }
  if (!facts.hasBluetooth) {
    return {
      status: "missing_api",
      linux: /Linux/.test(facts.userAgent) && !/Android/.test(facts.userAgent),
    };
  }
  if (facts.adapterAvailable === false) return { status: "unavailable" };
  return { status: "ready" };
}

/** The current answer for this page; "unknown" until an island has checked. */
export const bluetoothSupport = signal<BluetoothSupport>({ status: "unknown" });

/** Plain-language explanation and the fix, for each outcome. */
export function describeBluetoothSupport(
  support: BluetoothSupport,
): { title: string; detail: string } {
  switch (support.status) {
    case "unknown":
      return { title: "Checking this browser…", detail: "" };
    case "ready":
      return {
        title: "This browser can connect to your band",
        detail: "Web Bluetooth is available.",
      };
    case "insecure_context":
      return {
        title: "Open this app over https or on localhost",
        detail:
          `Chrome allows Bluetooth only in a secure context, and ${support.origin} is not one. Use http://localhost on the server machine, or serve the app over https (TLS_CERT_FILE and TLS_KEY_FILE, or a reverse proxy).`,
      };
    case "missing_api":
      return {
        title: "This browser has no Web Bluetooth",
        detail: support.linux
          ? "Use Chrome or Chromium, and on Linux turn on chrome://flags/#enable-experimental-web-platform-features (or start it with --enable-features=WebBluetooth), then reload."
          : "Use a recent Chrome, Edge or Opera on a computer or Android phone. Firefox and Safari do not support Web Bluetooth.",
      };
    case "unavailable":
      return {
        title: "Bluetooth is off or missing",
        detail:
          "Turn on Bluetooth on this computer (or plug in an adapter), then reload the page.",
      };
  }
}

/**
 * Checks this browser now, and again once the adapter reports whether it is on,
 * publishing each answer in `bluetoothSupport`; call it once an island mounts.
 */
export function refreshBluetoothSupport(): void {
  const bluetooth = (navigator as Navigator & {
    bluetooth?: { getAvailability?: () => Promise<boolean> };
  }).bluetooth;
  const facts: BrowserFacts = {
    isSecureContext: globalThis.isSecureContext,
    origin: location.origin,
    hasBluetooth: bluetooth !== undefined,
    userAgent: navigator.userAgent,
  };
  bluetoothSupport.value = checkBluetoothSupport(facts);
  bluetooth?.getAvailability?.().then((available) => {
    bluetoothSupport.value = checkBluetoothSupport({
      ...facts,
      adapterAvailable: available,
    });
  }).catch(() => {
    // Some browsers expose the API but not the adapter state; keep the first answer.
  });
}
