import assert from "node:assert/strict";
import { HashGate } from "../../lib/auth/hash_gate.ts";
import { HttpError } from "../../lib/http/errors.ts";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => resolve = r);
  return { promise, resolve };
}

Deno.test("HashGate.run() runs at most maxConcurrent jobs and queues the next", async () => {
  const gate = new HashGate({
    maxConcurrent: 1,
    maxQueue: 1,
    maxWaitMs: 60_000,
  });
  const first = deferred();
  const order: string[] = [];
  const a = gate.run(async () => {
    order.push("a start");
    await first.promise;
    order.push("a end");
  });
  const b = gate.run(() => {
    order.push("b start");
    return Promise.resolve();
  });
  await Promise.resolve();
  assert.deepEqual(order, ["a start"]);
  first.resolve();
  await Promise.all([a, b]);
  assert.deepEqual(order, ["a start", "a end", "b start"]);
  assert.equal(gate.started, 2);
});

Deno.test("HashGate.run() answers 503 with Retry-After when the queue is full, without running the job", async () => {
  const gate = new HashGate({
    maxConcurrent: 1,
    maxQueue: 1,
    maxWaitMs: 60_000,
  });
  const hold = deferred();
  const a = gate.run(() => hold.promise);
  const b = gate.run(() => Promise.resolve());
  let ran = false;
  await assert.rejects(
    gate.run(() => {
      ran = true;
      return Promise.resolve();
    }),
    (error: unknown) => {
      assert.ok(error instanceof HttpError);
      assert.equal(error.status, 503);
      assert.equal(error.code, "busy");
      assert.equal(new Headers(error.headers).get("Retry-After"), "3");
      return true;
    },
  );
  assert.equal(ran, false);
  hold.resolve();
  await Promise.all([a, b]);
});

Deno.test("HashGate.run() gives up on a wait longer than maxWaitMs", async () => {
  const gate = new HashGate({ maxConcurrent: 1, maxQueue: 4, maxWaitMs: 1 });
  const hold = deferred();
  const a = gate.run(() => hold.promise);
  await assert.rejects(gate.run(() => Promise.resolve()), HttpError);
  hold.resolve();
  await a;
  assert.equal(gate.started, 1);
});

Deno.test("HashGate.run() puts a priority job first and never refuses it for a full queue", async () => {
  const gate = new HashGate({
    maxConcurrent: 1,
    maxQueue: 1,
    maxWaitMs: 60_000,
  });
  const hold = deferred();
  const order: string[] = [];
  const a = gate.run(() => hold.promise);
  const b = gate.run(() => {
    order.push("queued");
    return Promise.resolve();
  });
  await assert.rejects(gate.run(() => Promise.resolve()), HttpError);
  const c = gate.run(() => {
    order.push("priority");
    return Promise.resolve();
  }, { priority: true });
  hold.resolve();
  await Promise.all([a, b, c]);
  assert.deepEqual(order, ["priority", "queued"]);
});
