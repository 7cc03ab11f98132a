// The server process under the anonymous attacks of issue 10 (findings 1 and 2),
// on a real loopback socket: oversized chunked posts and half-open connections.
import assert from "node:assert/strict";
import { openHalfOpen, postChunked, readOwnOpenFileLimit } from "./attacks.ts";
import { startServerProcess } from "./server_process.ts";
import { DEFAULT_MAX_CONNECTIONS } from "../../fresh.config.ts";

const MiB = 1024 * 1024;

Deno.test("[server] four parallel 200 MiB chunked posts get 413 and raise memory by less than 50 MB", async () => {
  const server = await startServerProcess();
  try {
    for (let i = 0; i < 3; i++) {
      const warm = await fetch(`${server.origin}/signin`);
      await warm.body?.cancel();
    }
    const before = server.readRss();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, server.readRss());
    }, 20);
    const targets = [
      ["/signin", "application/x-www-form-urlencoded"],
      ["/setup", "application/x-www-form-urlencoded"],
      ["/api/setup", "application/json"],
      ["/invite/abc", "application/x-www-form-urlencoded"],
    ];
    const statuses = await Promise.all(
      targets.map(([path, contentType]) =>
        postChunked(server.port, { path, contentType, totalBytes: 200 * MiB })
      ),
    );
    clearInterval(sampler);
    peak = Math.max(peak, server.readRss());
    assert.deepEqual(statuses, [413, 413, 413, 413]);
    assert.ok(server.isAlive(), "the server still runs");
    const growth = peak - before;
    assert.ok(
      growth < 50 * MiB,
      `memory grew by ${(growth / MiB).toFixed(1)} MiB`,
    );
    const after = await fetch(`${server.origin}/api/setup`);
    assert.equal(after.status, 200);
    await after.body?.cancel();
  } finally {
    await server.stop();
  }
});

function checkOwnLimit(count: number) {
  const limit = readOwnOpenFileLimit();
  assert.ok(
    limit > count + 500,
    `Cannot run the half-open test: this process may open ${limit} files, it needs ${
      count + 500
    } (raise it with ulimit -n)`,
  );
}

Deno.test("[server] under a 1,024 open-file limit, 5,000 half-open connections neither stop the server nor crowd out others", async () => {
  const count = 5_000;
  checkOwnLimit(count);
  const server = await startServerProcess({ HEADERS_TIMEOUT_SECONDS: "60" }, {
    openFileLimit: 1024,
  });
  const attack = await openHalfOpen(server.port, count);
  try {
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.origin}/api/setup`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-type"), "application/json");
      assert.deepEqual(await res.json(), { needsSetup: true });
    }
    assert.ok(server.isAlive(), "the server still runs");
    assert.ok(server.countFds() < 1024, `${server.countFds()} descriptors`);
    const held = count - attack.closedByServer();
    assert.ok(
      held >= DEFAULT_MAX_CONNECTIONS - 10,
      `held ${held} half-open connections`,
    );
  } finally {
    attack.close();
    await server.stop();
  }
});

Deno.test("[server] a client that never finishes its headers gets 408 and is closed", async () => {
  const server = await startServerProcess({ HEADERS_TIMEOUT_SECONDS: "1" });
  const attack = await openHalfOpen(server.port, 50);
  try {
    const statuses = await attack.allClosed();
    assert.deepEqual(new Set(statuses), new Set([408]));
    const res = await fetch(`${server.origin}/api/setup`);
    assert.equal(res.status, 200);
    await res.body?.cancel();
  } finally {
    attack.close();
    await server.stop();
  }
});
