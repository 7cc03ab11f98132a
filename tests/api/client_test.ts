import assert from "node:assert/strict";
import { ApiClient } from "../../lib/api/client.ts";
import { ApiError } from "../../lib/api/errors.ts";
import { createApiTestApp, ORIGIN } from "./harness.ts";

function connect(
  app: {
    request: (url: string, init: RequestInit) => Response | Promise<Response>;
  },
) {
  let cookie: string | undefined;
  const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("Origin", ORIGIN);
    if (cookie) headers.set("Cookie", cookie);
    const res = await app.request(`${ORIGIN}${input}`, { ...init, headers });
    const set = res.headers.get("Set-Cookie");
    if (set) cookie = set.split(";")[0];
    return res;
  }) as typeof fetch;
  return new ApiClient({ fetch: fetchFn });
}

Deno.test("ApiClient uploads samples and reads them back through the API", async () => {
  using t = await createApiTestApp();
  const client = connect(t.app);
  await client.setup({
    username: "ada",
    password: "correct horse battery",
    timeZone: "UTC",
  });
  const band = await client.addBand({
    name: "B",
    mac: "C8:0F:10:00:00:01",
    authKey: "00112233445566778899aabbccddeeff",
  });
  assert.equal(
    await client.getBandKey(band.id),
    "00112233445566778899aabbccddeeff",
  );
  const start = Date.UTC(2024, 1, 29, 23, 58);
  const samples = [1, 2, 3, 4].map((n) => ({
    kind: 1,
    intensity: n,
    steps: n * 10,
    heartRate: 0xff,
  }));
  const res = await client.uploadSamples(band.id, [{
    start,
    utcOffsetMinutes: 0,
    samples,
  }]);
  assert.equal(res.added, 4);
  assert.equal((await client.getSync(band.id)).cursor, start + 4 * 60_000);
  const day = await client.listMinutes(band.id, "2024-03-01");
  assert.deepEqual(day.minutes.map((m) => m.steps), [30, 40]);
  const daily = await client.getDailySummaries(band.id, {
    from: "2024-02-29",
    to: "2024-03-01",
  });
  assert.deepEqual(daily.days.map((d) => [d.day, d.steps]), [
    ["2024-02-29", 30],
    ["2024-03-01", 70],
  ]);
});

Deno.test("ApiClient throws ApiError with the server's status, code and message", async () => {
  using t = await createApiTestApp();
  const client = connect(t.app);
  const error = await client.listBands().catch((e) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 401);
  assert.equal(error.code, "unauthorized");
  assert.equal(error.message, "Sign in to continue");
});
