// Cross-site request forgery protection. Browsers send `Origin` (or at least
// `Sec-Fetch-Site`) on every state-changing request, so a request whose origin is
// not ours is refused; API calls made with a session must also echo the
// session's CSRF token in `X-CSRF-Token`, which a cross-site page cannot read.

/** Header carrying the session's CSRF token on API calls. */
export const CSRF_HEADER = "X-CSRF-Token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What `checkCsrf` needs to know about the request. */
export interface CsrfInput {
  req: Request;
  /** The public URL with the router's percent-decoded path, so `/%61pi/…` is checked as `/api/…`. */
  url: URL;
  /** Whether the request carries a session cookie. */
  hasSessionCookie: boolean;
  /** The CSRF token of the valid session, when there is one. */
  csrfToken?: string;
}

function equalStrings(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Returns why a request looks forged, or null when it may proceed. */
export function checkCsrf(input: CsrfInput): string | null {
  const { req, url } = input;
  if (SAFE_METHODS.has(req.method)) return null;
  const origin = req.headers.get("Origin");
  const site = req.headers.get("Sec-Fetch-Site");
  if (origin !== null && origin !== url.origin) {
    return `Cannot accept request: it came from another site (${origin})`;
  }
  if (site !== null && site !== "same-origin" && site !== "none") {
    return "Cannot accept request: it came from another site";
  }
  if (!input.hasSessionCookie) return null;
  if (origin === null && site === null) {
    return "Cannot accept request: the browser did not say where it came from";
  }
  if (url.pathname.startsWith("/api/") && input.csrfToken !== undefined) {
    const sent = req.headers.get(CSRF_HEADER) ?? "";
    if (!equalStrings(sent, input.csrfToken)) {
      return `Cannot accept request: missing or wrong ${CSRF_HEADER} header`;
    }
  }
  return null;
}

/**
 * Whether a GET that hands out secrets (the takeout with auth keys) came from
 * one of our own pages, or was typed in: a link on another site may not make
 * the browser fetch the person's keys, even to their own disk.
 */
export function isFromOurPages(req: Request): boolean {
  const site = req.headers.get("Sec-Fetch-Site");
  return site === null || site === "same-origin" || site === "none";
}
