import assert from "node:assert/strict";
import { runWhenNotSyncing } from "../../lib/pwa/register.ts";
import { connectionStatus } from "../../lib/state/band_connection.ts";

Deno.test("runWhenNotSyncing() runs at once when no sync is running", async () => {
  connectionStatus.value = "connected";
  const calls: string[] = [];
  await runWhenNotSyncing(() => calls.push("run"), () => calls.push("wait"));
  assert.deepEqual(calls, ["run"]);
});

Deno.test("runWhenNotSyncing() waits for the sync to end, then runs once", async () => {
  connectionStatus.value = "syncing";
  const calls: string[] = [];
  await runWhenNotSyncing(() => calls.push("run"), () => calls.push("wait"));
  assert.deepEqual(calls, ["wait"]);
  connectionStatus.value = "syncing";
  assert.deepEqual(calls, ["wait"]);
  connectionStatus.value = "connected";
  assert.deepEqual(calls, ["wait", "run"]);
  await Promise.resolve();
  connectionStatus.value = "syncing";
  connectionStatus.value = "idle";
  assert.deepEqual(calls, ["wait", "run"], "it unsubscribed");
  connectionStatus.value = "idle";
});
