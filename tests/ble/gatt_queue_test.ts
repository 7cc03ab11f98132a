import assert from "node:assert/strict";
import { GattQueue } from "../../lib/ble/gatt_queue.ts";
import { BleError } from "../../lib/ble/errors.ts";
import type {
  GattTransport,
  NotificationListener,
} from "../../lib/ble/transport.ts";

/** Test double: each operation takes `delayMs` (or never ends when "hang" is set) and records overlap. */
class SlowTransport implements GattTransport {
  connected = true;
  active = 0;
  maxActive = 0;
  log: string[] = [];
  hang = new Set<string>();
  fail = new Map<string, Error>();
  listeners = new Map<string, NotificationListener>();
  #onDisconnect = new Set<() => void>();

  constructor(readonly delayMs = 2) {}

  async #run<T>(label: string, value: T): Promise<T> {
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    this.log.push(`start ${label}`);
    try {
      if (this.hang.has(label)) await new Promise(() => {});
      await new Promise((r) => setTimeout(r, this.delayMs));
      const err = this.fail.get(label);
      if (err) throw err;
      return value;
    } finally {
      this.active--;
      this.log.push(`end ${label}`);
    }
  }
  read(_s: string, c: string) {
    return this.#run(`read ${c}`, new Uint8Array([c.length]));
  }
  write(_s: string, c: string, v: Uint8Array) {
    return this.#run(`write ${c} ${v[0]}`, undefined);
  }
  async subscribe(_s: string, c: string, listener: NotificationListener) {
    await this.#run(`subscribe ${c}`, undefined);
    this.listeners.set(c, listener);
    return () => this.#run(`unsubscribe ${c}`, undefined);
  }
  onDisconnect(listener: () => void) {
    this.#onDisconnect.add(listener);
    return () => this.#onDisconnect.delete(listener);
  }
  disconnect() {
    this.connected = false;
    for (const l of this.#onDisconnect) l();
  }
}

Deno.test("GattQueue runs concurrent calls one at a time, in call order", async () => {
  const inner = new SlowTransport(3);
  const queue = new GattQueue(inner);
  const results = await Promise.all([
    queue.read("s", "a"),
    queue.write("s", "b", new Uint8Array([1]), { withResponse: false }),
    queue.read("s", "ccc"),
    queue.subscribe("s", "d", () => {}).then((stop) => stop()),
    queue.write("s", "e", new Uint8Array([2]), { withResponse: true }),
  ]);
  assert.equal(inner.maxActive, 1);
  assert.deepEqual(results[0], new Uint8Array([1]));
  assert.deepEqual(results[2], new Uint8Array([3]));
  assert.deepEqual(inner.log, [
    "start read a",
    "end read a",
    "start write b 1",
    "end write b 1",
    "start read ccc",
    "end read ccc",
    "start subscribe d",
    "end subscribe d",
    "start write e 2",
    "end write e 2",
    "start unsubscribe d",
    "end unsubscribe d",
  ]);
});

Deno.test("GattQueue lets notifications through while an operation is pending", async () => {
  const inner = new SlowTransport(1);
  const queue = new GattQueue(inner);
  const got: number[] = [];
  await queue.subscribe("s", "n", (v) => got.push(v[0]));
  inner.hang.add("read x");
  const pending = queue.read("s", "x").catch((e) => e);
  await new Promise((r) => setTimeout(r, 5));
  inner.listeners.get("n")!(new Uint8Array([42]));
  assert.deepEqual(got, [42]);
  queue.disconnect();
  assert.equal((await pending).code, "disconnected");
});

Deno.test("GattQueue rejects an operation that exceeds the timeout and continues with the next", async () => {
  const inner = new SlowTransport(1);
  const queue = new GattQueue(inner, { timeoutMs: 20 });
  inner.hang.add("read slow");
  const slow = queue.read("s", "slow");
  const next = queue.read("s", "ok");
  await assert.rejects(slow, (err: unknown) => {
    assert.ok(err instanceof BleError);
    assert.equal(err.code, "timeout");
    assert.equal(err.message, "Cannot read slow: no answer within 20 ms");
    return true;
  });
  assert.deepEqual(await next, new Uint8Array([2]));
});

Deno.test("GattQueue rejects the running and every queued operation on disconnect", async () => {
  const inner = new SlowTransport(1);
  const queue = new GattQueue(inner);
  inner.hang.add("read a");
  const calls = [
    queue.read("s", "a"),
    queue.read("s", "b"),
    queue.write("s", "c", new Uint8Array([0]), { withResponse: false }),
  ].map((p) => p.then(() => "ok", (e: BleError) => e.code));
  await new Promise((r) => setTimeout(r, 5));
  inner.disconnect();
  assert.deepEqual(await Promise.all(calls), [
    "disconnected",
    "disconnected",
    "disconnected",
  ]);
  assert.deepEqual(inner.log, ["start read a"]);
  await assert.rejects(
    queue.read("s", "d"),
    (err: unknown) =>
      err instanceof BleError && err.code === "disconnected" &&
      err.message === "Cannot read d: the band is not connected",
  );
});

Deno.test("GattQueue wraps a plain failure in a gatt_error and keeps going", async () => {
  const inner = new SlowTransport(1);
  const queue = new GattQueue(inner);
  inner.fail.set(
    "read bad",
    new Error("GATT operation failed for unknown reason"),
  );
  const bad = queue.read("s", "bad").catch((e) => e);
  const good = await queue.read("s", "fine");
  const err = await bad;
  assert.ok(err instanceof BleError);
  assert.equal(err.code, "gatt_error");
  assert.equal(
    err.message,
    "Cannot read bad: GATT operation failed for unknown reason",
  );
  assert.deepEqual(good, new Uint8Array([4]));
});

Deno.test("GattQueue shortens full UUIDs in messages", async () => {
  const inner = new SlowTransport(1);
  const queue = new GattQueue(inner, { timeoutMs: 5 });
  const uuid = "00000006-0000-3512-2118-0009af100700";
  inner.hang.add(`read ${uuid}`);
  await assert.rejects(
    queue.read("s", uuid),
    { message: "Cannot read 0006: no answer within 5 ms" },
  );
});

Deno.test("GattQueue retries a busy refusal once, then reports gatt_busy", async () => {
  const inner = new SlowTransport(1);
  const queue = new GattQueue(inner, { busyRetryDelayMs: 1 });
  inner.fail.set(
    "read x",
    new DOMException("GATT operation already in progress.", "NetworkError"),
  );
  await assert.rejects(
    queue.read("s", "x"),
    (err: unknown) =>
      err instanceof BleError && err.code === "gatt_busy" &&
      err.message === "Cannot read x: GATT operation already in progress",
  );
  assert.deepEqual(inner.log, [
    "start read x",
    "end read x",
    "start read x",
    "end read x",
  ]);
});
