import assert from "node:assert/strict";
import { checkCsrf } from "../../lib/auth/csrf.ts";

const url = new URL("https://band.example/api/bands");

function req(method: string, headers: Record<string, string>) {
  return new Request(url, { method, headers });
}

Deno.test("checkCsrf() lets safe methods through", () => {
  assert.equal(
    checkCsrf({
      req: req("GET", { Origin: "https://evil.example" }),
      url,
      hasSessionCookie: true,
    }),
    null,
  );
});

Deno.test("checkCsrf() refuses a POST from another origin", () => {
  assert.equal(
    checkCsrf({
      req: req("POST", { Origin: "https://evil.example" }),
      url,
      hasSessionCookie: true,
    }),
    "Cannot accept request: it came from another site (https://evil.example)",
  );
});

Deno.test("checkCsrf() refuses a cross-site fetch marked by Sec-Fetch-Site", () => {
  assert.equal(
    checkCsrf({
      req: req("POST", { "Sec-Fetch-Site": "cross-site" }),
      url,
      hasSessionCookie: false,
    }),
    "Cannot accept request: it came from another site",
  );
});

Deno.test("checkCsrf() refuses a cookie request with no origin information", () => {
  assert.equal(
    checkCsrf({
      req: req("DELETE", {}),
      url,
      hasSessionCookie: true,
      csrfToken: "t",
    }),
    "Cannot accept request: the browser did not say where it came from",
  );
});

Deno.test("checkCsrf() requires the session's token header on API calls", () => {
  const origin = { Origin: "https://band.example" };
  assert.equal(
    checkCsrf({
      req: req("POST", origin),
      url,
      hasSessionCookie: true,
      csrfToken: "abc",
    }),
    "Cannot accept request: missing or wrong X-CSRF-Token header",
  );
  assert.equal(
    checkCsrf({
      req: req("POST", { ...origin, "X-CSRF-Token": "abc" }),
      url,
      hasSessionCookie: true,
      csrfToken: "abc",
    }),
    null,
  );
});
