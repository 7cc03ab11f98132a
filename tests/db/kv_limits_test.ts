import assert from "node:assert/strict";
import {
  KV_LIMITS,
  KvLimitError,
  measureKey,
  measureValue,
  withKvLimits,
} from "../../lib/db/kv_limits.ts";

async function withStrictKv(fn: (kv: Deno.Kv, raw: Deno.Kv) => Promise<void>) {
  const raw = await Deno.openKv(":memory:");
  try {
    await fn(withKvLimits(raw), raw);
  } finally {
    raw.close();
  }
}

Deno.test("measureKey() counts a type byte, the bytes and a terminator per part", () => {
  assert.equal(measureKey(["ab"]), 4);
  assert.equal(measureKey(["a\u0000b"]), 6);
  assert.equal(measureKey(["samples", "id", 20_000]), 9 + 4 + 9);
  assert.equal(measureKey([true]), 1);
});

Deno.test("measureValue() matches what the local store refuses at 64 KiB", async () => {
  const raw = await Deno.openKv(":memory:");
  try {
    const fits = { s: "a".repeat(65_500) };
    const tooBig = { s: "a".repeat(65_530) };
    assert.ok(measureValue(fits) <= KV_LIMITS.maxValueBytes);
    assert.ok(measureValue(tooBig) > KV_LIMITS.maxValueBytes);
    await raw.set(["fits"], fits);
    await assert.rejects(() => raw.set(["big"], tooBig));
    assert.equal(measureValue(new Uint8Array(10)), 10);
    assert.equal(measureValue(new Deno.KvU64(1n)), 8);
  } finally {
    raw.close();
  }
});

Deno.test("withKvLimits() refuses a value over 64 KiB without writing it", async () => {
  await withStrictKv(async (kv, raw) => {
    await assert.rejects(
      () => kv.set(["big"], new Uint8Array(65_537)),
      KvLimitError,
    );
    assert.equal((await raw.get(["big"])).versionstamp, null);
    await kv.set(["ok"], new Uint8Array(65_536));
    assert.equal((await raw.get(["ok"])).value?.constructor, Uint8Array);
  });
});

Deno.test("withKvLimits() refuses a key over 2 KiB", async () => {
  await withStrictKv(async (kv) => {
    await assert.rejects(
      () => kv.set(["x".repeat(2100)], 1),
      /key \["xx/,
    );
  });
});

Deno.test("withKvLimits() refuses an eleventh check that local KV would accept", async () => {
  await withStrictKv(async (kv, raw) => {
    const checks = Array.from({ length: 11 }, (_, i) => ({
      key: ["c", i],
      versionstamp: null,
    }));
    assert.equal((await raw.atomic().check(...checks).commit()).ok, true);
    await assert.rejects(
      () => kv.atomic().check(...checks).commit(),
      /11 checks \(limit 10\)/,
    );
    assert.equal(
      (await kv.atomic().check(...checks.slice(0, 10)).commit()).ok,
      true,
    );
  });
});

Deno.test("withKvLimits() refuses more than 1000 mutations and more than 800 KiB in one commit", async () => {
  await withStrictKv(async (kv, raw) => {
    const many = kv.atomic();
    for (let i = 0; i < 1001; i++) many.set(["m", i], i);
    await assert.rejects(() => many.commit(), /1001 mutations/);
    assert.equal((await raw.get(["m", 0])).versionstamp, null);

    const heavy = kv.atomic();
    for (let i = 0; i < 13; i++) heavy.set(["h", i], new Uint8Array(64_000));
    await assert.rejects(() => heavy.commit(), /bytes \(limit 819200\)/);

    const fine = kv.atomic();
    for (let i = 0; i < 12; i++) fine.set(["h", i], new Uint8Array(64_000));
    fine.delete(["m", 1]).sum(["n"], 1n);
    assert.equal((await fine.commit()).ok, true);
  });
});

Deno.test("withKvLimits() bounds getMany and list pages, and passes other calls through", async () => {
  await withStrictKv(async (kv) => {
    await kv.set(["a"], 1);
    const keys = Array.from({ length: 11 }, (_, i) => ["g", i]);
    await assert.rejects(() => kv.getMany(keys), /getMany of 11 keys/);
    assert.throws(
      () => kv.list({ prefix: [] }, { batchSize: 1001 }),
      /page of 1001/,
    );
    const listed = [];
    for await (const e of kv.list({ prefix: [] }, { limit: 5000 })) {
      listed.push(e.key);
    }
    assert.deepEqual(listed, [["a"]]);
    assert.equal((await kv.get(["a"])).value, 1);
  });
});

Deno.test("measureValue() matches what the local store refuses for typed arrays", async () => {
  using raw = await Deno.openKv(":memory:");
  for (
    const [fits, tooBig] of [
      [new Int8Array(65_523), new Int8Array(65_524)],
      [new Float64Array(8190), new Float64Array(8191)],
      [new Int32Array(16_380), new Int32Array(16_381)],
    ]
  ) {
    assert.ok(measureValue(fits) <= KV_LIMITS.maxValueBytes);
    assert.ok(measureValue(tooBig) > KV_LIMITS.maxValueBytes);
    await raw.set(["fits"], fits);
    await assert.rejects(() => raw.set(["big"], tooBig));
  }
});
