import assert from "node:assert/strict";
import { createAuthTestApp, signUp } from "./_app.ts";

function postForm(
  t: Awaited<ReturnType<typeof createAuthTestApp>>,
  cookie: string,
  fields: Record<string, string>,
) {
  return t.app.request("http://localhost/account", {
    method: "POST",
    headers: {
      Cookie: cookie,
      Origin: "http://localhost",
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "text/html",
    },
    body: new URLSearchParams(fields).toString(),
  });
}

Deno.test("[page] POST /account creates an API token shown once, lists it, and revokes it", async () => {
  using t = await createAuthTestApp();
  const ada = await signUp(t, "ada");
  const csrf = ada.csrfToken!;
  const created = await postForm(t, ada.cookie!, {
    csrf,
    action: "token_create",
    name: "Grafana",
  });
  assert.equal(created.status, 200);
  assert.match(created.headers.get("Content-Type") ?? "", /text\/html/);
  const html = await created.text();
  const token = /bwt_[\w-]{43}/.exec(html)?.[0];
  assert.ok(token, "the new token is on the page");
  assert.match(html, /<strong>Grafana<\/strong>/);
  const list = await (await ada.request("GET", "/api/me/tokens")).json();
  assert.equal(list.tokens.length, 1);
  const again = await (await t.app.request("http://localhost/account", {
    headers: { Cookie: ada.cookie!, Accept: "text/html" },
  })).text();
  assert.equal(again.includes(token), false, "shown only once");
  assert.match(again, /<strong>Grafana<\/strong>/);
  const revoked = await postForm(t, ada.cookie!, {
    csrf,
    action: "token_revoke",
    id: list.tokens[0].id,
  });
  assert.equal(revoked.status, 200);
  assert.match(await revoked.text(), /API token revoked/);
  assert.deepEqual(
    (await (await ada.request("GET", "/api/me/tokens")).json()).tokens,
    [],
  );
});

Deno.test("[page] POST /account refuses a token form without the page's CSRF field", async () => {
  using t = await createAuthTestApp();
  const ada = await signUp(t, "ada");
  const res = await postForm(t, ada.cookie!, {
    action: "token_create",
    name: "Grafana",
  });
  assert.equal(res.status, 403);
  assert.deepEqual(
    (await (await ada.request("GET", "/api/me/tokens")).json()).tokens,
    [],
  );
});
