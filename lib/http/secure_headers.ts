// Security headers on every response: pages, the API and static files alike.
import type { MiddlewareHandler } from "hono";

/** The Content-Security-Policy: everything from this origin only, no inline script or style. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Bluetooth for this origin only; other powerful features off. */
export const PERMISSIONS_POLICY =
  "bluetooth=(self), camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()";

/** Adds the security headers to every response that does not set its own. */
export function secureHeaders(): MiddlewareHandler {
  return async function secureHeadersMiddleware(c, next) {
    await next();
    const headers = c.res.headers;
    const set = (name: string, value: string) => {
      if (!headers.has(name)) headers.set(name, value);
    };
    try {
      set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      set("X-Content-Type-Options", "nosniff");
      // same-origin, not no-referrer: with no-referrer Chrome sends `Origin: null` on
      // same-origin form posts, which the CSRF check must refuse.
      set("Referrer-Policy", "same-origin");
      set("Permissions-Policy", PERMISSIONS_POLICY);
      set("X-Frame-Options", "DENY");
      set("Cross-Origin-Opener-Policy", "same-origin");
      set("Cross-Origin-Resource-Policy", "same-origin");
    } catch {
      // Responses with immutable headers (e.g. from fetch) get copied once.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      c.res.headers.set("X-Content-Type-Options", "nosniff");
      c.res.headers.set("Referrer-Policy", "same-origin");
      c.res.headers.set("Permissions-Policy", PERMISSIONS_POLICY);
    }
  };
}
