// The Account page's "Delete my account" form: the password again, then the
// account and its data go and the browser is signed out.
import assert from "node:assert/strict";
import { createTestApp } from "../support/test_app.ts";
import { signIn } from "../support/signed_in.ts";

function post(
  app: Awaited<ReturnType<typeof createTestApp>>["app"],
  cookie: string,
  fields: Record<string, string>,
) {
  return app.request("http://localhost/account", {
    method: "POST",
    headers: {
      Cookie: cookie,
      Accept: "text/html",
      Origin: "http://localhost",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(fields).toString(),
  });
}

Deno.test("[page] the Account page deletes the account after the password is given again", async () => {
  const { app, kv, close } = await createTestApp();
  try {
    const me = await signIn(kv, "http://localhost");
    const page = await app.request("http://localhost/account", {
      headers: { Cookie: me.cookieHeader, Accept: "text/html" },
    });
    const body = await page.text();
    assert.match(body, /<h2>Delete my account<\/h2>/);
    assert.match(body, /name="action" value="delete"/);
    const wrong = await post(app, me.cookieHeader, {
      csrf: me.csrfToken,
      action: "delete",
      password: "not the password",
    });
    assert.equal(wrong.status, 403);
    assert.match(
      await wrong.text(),
      /Cannot delete account: the password is wrong/,
    );
    const res = await post(app, me.cookieHeader, {
      csrf: me.csrfToken,
      action: "delete",
      password: "correct horse battery staple",
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("Location"), "/");
    assert.match(res.headers.get("Set-Cookie") ?? "", /Max-Age=0/);
    const keys = await Array.fromAsync(kv.list({ prefix: [] }), (e) => e.key);
    assert.deepEqual(keys, []);
  } finally {
    close();
  }
});
