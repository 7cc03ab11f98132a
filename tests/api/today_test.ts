import assert from "node:assert/strict";
import {
  addBand,
  createApiTestApp,
  signUpMember,
  signUpOwner,
} from "./harness.ts";
import { localDay } from "../../lib/time/zones.ts";

Deno.test("[api] GET /api/bands/:id/today returns the person's day in their zone", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t, "owner", "Pacific/Kiritimati");
  const id = await addBand(agent);
  const before = localDay(Date.now(), "Pacific/Kiritimati");
  const res = await agent.request("GET", `/api/bands/${id}/today`);
  const after = localDay(Date.now(), "Pacific/Kiritimati");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  const body = await res.json();
  // The day is read between two clock readings, so a test at midnight still holds.
  assert.ok([before, after].includes(body.day));
  assert.deepEqual({ ...body, day: "" }, {
    day: "",
    timeZone: "Pacific/Kiritimati",
    steps: 0,
    activeMinutes: 0,
    restingHeartRate: null,
    latestHeartRate: null,
    lastNight: null,
    lastSyncAt: null,
  });
});

Deno.test("[api] GET /api/bands/:id/today answers 404 for another person's band and 401 signed out", async () => {
  using t = await createApiTestApp();
  const owner = await signUpOwner(t);
  const id = await addBand(owner);
  const member = await signUpMember(t, owner);
  const other = await member.request("GET", `/api/bands/${id}/today`);
  assert.equal(other.status, 404);
  assert.equal((await other.json()).error.code, "not_found");
  const anonymous = await t.agent().request("GET", `/api/bands/${id}/today`);
  assert.equal(anonymous.status, 401);
  assert.equal((await anonymous.json()).error.code, "unauthorized");
});
