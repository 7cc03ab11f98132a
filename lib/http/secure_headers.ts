// Security headers on every response: pages, the API and static files alike,
// set by Hono's `secureHeaders` with this app's strict policy.
import type { MiddlewareHandler } from "hono";
import { secureHeaders as honoSecureHeaders } from "hono/secure-headers";
import type { AppConfig } from "../../fresh.config.ts";

/** The Content-Security-Policy directives: everything from this origin only, no inline script or style. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Bluetooth for this origin only; other powerful features off. */
const PERMISSIONS = {
  bluetooth: ["self"],
  camera: [],
  microphone: [],
  geolocation: [],
  payment: [],
  usb: [],
  serial: [],
  hid: [],
};

/** `Strict-Transport-Security` value: a year, this host only (other services may share the domain). */
export const HSTS = "max-age=31536000";

/** Whether the app is reached over https: it speaks TLS itself, or `PUBLIC_URL` is https. */
export function usesHttps(config: AppConfig): boolean {
  return config.tls !== undefined ||
    config.publicUrl?.startsWith("https:") === true;
}

/** Adds the security headers to every response that does not set its own. */
export function secureHeaders(config: AppConfig): MiddlewareHandler {
  return honoSecureHeaders({
    contentSecurityPolicy: CSP_DIRECTIVES,
    permissionsPolicy: PERMISSIONS,
    // same-origin, not no-referrer: with no-referrer Chrome sends `Origin: null` on
    // same-origin form posts, which the CSRF check must refuse.
    referrerPolicy: "same-origin",
    xFrameOptions: "DENY",
    strictTransportSecurity: usesHttps(config) ? HSTS : false,
    overwrite: false,
  });
}
