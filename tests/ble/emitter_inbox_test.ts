import assert from "node:assert/strict";
import { Emitter } from "../../lib/ble/emitter.ts";
import { BleError } from "../../lib/ble/errors.ts";
import { NotificationInbox } from "../../lib/ble/notification_inbox.ts";

Deno.test("Emitter keeps calling other listeners when one throws and reports the error", () => {
  const errors: unknown[] = [];
  const emitter = new Emitter<number>((err) => errors.push(err));
  const got: number[] = [];
  emitter.subscribe(() => {
    throw new Error("listener broke");
  });
  const unsubscribe = emitter.subscribe((n) => got.push(n));
  emitter.emit(1);
  unsubscribe();
  emitter.emit(2);
  assert.deepEqual(got, [1]);
  assert.equal(errors.length, 2);
  assert.equal((errors[0] as Error).message, "listener broke");
  assert.equal(emitter.size, 1);
});

Deno.test("NotificationInbox hands out buffered values in order, then waits for new ones", async () => {
  const inbox = new NotificationInbox();
  inbox.push(Uint8Array.of(1));
  inbox.push(Uint8Array.of(2));
  assert.deepEqual(await inbox.next({ timeoutMs: 10 }), Uint8Array.of(1));
  assert.deepEqual(await inbox.next({ timeoutMs: 10 }), Uint8Array.of(2));
  const waiting = inbox.next({ timeoutMs: 100 });
  inbox.push(Uint8Array.of(3));
  assert.deepEqual(await waiting, Uint8Array.of(3));
});

Deno.test("NotificationInbox times out, aborts and fails with typed errors", async () => {
  const inbox = new NotificationInbox();
  await assert.rejects(inbox.next({ timeoutMs: 5, what: "a challenge" }), {
    code: "timeout",
    message: "Cannot get a challenge from the band: no answer within 5 ms",
  });
  const controller = new AbortController();
  const aborted = inbox.next({ timeoutMs: 1000, signal: controller.signal });
  controller.abort();
  await assert.rejects(aborted, { code: "cancelled" });
  const failed = inbox.next({ timeoutMs: 1000 });
  inbox.fail(new BleError("disconnected", "Cannot wait: gone"));
  await assert.rejects(failed, { code: "disconnected" });
  await assert.rejects(inbox.next({ timeoutMs: 1000 }), {
    code: "disconnected",
  });
});
