// The takeout stream is pulled: it reads KV only as fast as the download takes
// it, and a download cancelled midway (the client went away) stops reading KV
// at once, with no rejection left unhandled (the test's sanitizers would fail).
import assert from "node:assert/strict";
import { addBand, createApiTestApp, signUpOwner } from "../api/harness.ts";
import { getUser } from "../../lib/db/users.ts";
import { streamTakeout } from "../../lib/takeout/mod.ts";
import { makeSamples, uploadMinutes } from "./_takeout.ts";

const NOW = Date.UTC(2024, 5, 1, 12, 0);
const START = Date.UTC(2024, 4, 1);
const DAYS = 30;

/** Wraps `kv` so every entry its `list` calls yield is counted. */
function countListed(kv: Deno.Kv): { kv: Deno.Kv; listed: () => number } {
  let listed = 0;
  const counted = new Proxy(kv, {
    get(target, name) {
      if (name !== "list") {
        const value = Reflect.get(target, name, target);
        return typeof value === "function" ? value.bind(target) : value;
      }
      return (selector: Deno.KvListSelector, options?: Deno.KvListOptions) => {
        const inner = target.list(selector, options);
        return {
          async next() {
            const step = await inner.next();
            if (!step.done) listed++;
            return step;
          },
          [Symbol.asyncIterator]() {
            return this;
          },
        };
      };
    },
  });
  return { kv: counted, listed: () => listed };
}

Deno.test("streamTakeout() reads KV only as the reader pulls, and stops when the reader cancels", async () => {
  using t = await createApiTestApp({}, () => NOW);
  const owner = await signUpOwner(t);
  const band = await addBand(owner);
  await uploadMinutes(owner, band, [
    { start: START, offset: 0, samples: makeSamples(DAYS * 1440) },
  ]);
  const me = await (await owner.request("GET", "/api/me")).json();
  const user = (await getUser(t.kv, me.user.id))!;

  const { kv, listed } = countListed(t.kv);
  const stream = streamTakeout(kv, user, { includeKeys: false, now: NOW });
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(listed(), 0, "nothing read before the first pull");

  const reader = stream.getReader();
  let bytes = 0;
  while (listed() < 5) {
    const { value, done } = await reader.read();
    assert.equal(done, false);
    bytes += value!.byteLength;
  }
  assert.ok(bytes > 0);
  await reader.cancel();
  const atCancel = listed();
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(listed(), atCancel, "no KV read after the cancel");
  // One band and its 30 stored days would be 31 entries.
  assert.ok(atCancel < 1 + DAYS, `read ${atCancel} entries`);
});
