import assert from "node:assert/strict";
import {
  createSpoolFile,
  SPOOL_PREFIX,
  SpoolGate,
  sweepStaleSpoolFiles,
} from "../../lib/http/spool_files.ts";
import { HttpError } from "../../lib/http/errors.ts";

const T0 = Date.UTC(2026, 10, 30, 10, 0);
const HOUR = 3_600_000;

Deno.test("spool gate: past its limit a job is refused with 503 and Retry-After, and a slot frees when a job ends", async () => {
  const gate = new SpoolGate(2);
  const release: Array<() => void> = [];
  const hold = () => new Promise<void>((resolve) => release.push(resolve));
  const first = gate.run("restore an archive", hold);
  const second = gate.run("restore an archive", hold);
  assert.equal(gate.running, 2);
  await assert.rejects(
    gate.run("import Gadgetbridge data", () => Promise.resolve()),
    (error: unknown) =>
      error instanceof HttpError && error.status === 503 &&
      /^Cannot import Gadgetbridge data now: 2 other large files/.test(
        error.message,
      ) &&
      new Headers(error.headers).get("Retry-After") === "60",
  );
  release.shift()!();
  await first;
  assert.equal(gate.running, 1);
  assert.equal(await gate.run("export", () => Promise.resolve(7)), 7);
  // A job that fails frees its slot too.
  await assert.rejects(
    gate.run("export", () => Promise.reject(new Error("x"))),
  );
  release.shift()!();
  await second;
  assert.equal(gate.running, 0);
});

Deno.test("spool sweep: removes only spool files older than an hour, whatever else is in the folder", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const stale = `${dir}/${SPOOL_PREFIX}takeout-old`;
    const fresh = `${dir}/${SPOOL_PREFIX}gadgetbridge-new`;
    const other = `${dir}/someone-else-old`;
    for (const path of [stale, fresh, other]) {
      await Deno.writeTextFile(path, "x");
    }
    await Deno.utime(stale, new Date(T0 - 2 * HOUR), new Date(T0 - 2 * HOUR));
    await Deno.utime(other, new Date(T0 - 2 * HOUR), new Date(T0 - 2 * HOUR));
    await Deno.utime(fresh, new Date(T0 - HOUR / 2), new Date(T0 - HOUR / 2));
    await Deno.mkdir(`${dir}/${SPOOL_PREFIX}folder`);
    assert.equal(await sweepStaleSpoolFiles({ now: T0, dir }), 1);
    const left = [];
    for await (const entry of Deno.readDir(dir)) left.push(entry.name);
    assert.deepEqual(left.sort(), [
      `${SPOOL_PREFIX}folder`,
      `${SPOOL_PREFIX}gadgetbridge-new`,
      "someone-else-old",
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("spool files are named with the prefix the sweep looks for", async () => {
  const path = await createSpoolFile("takeout");
  try {
    assert.ok(
      path.slice(path.lastIndexOf("/") + 1).startsWith(
        `${SPOOL_PREFIX}takeout-`,
      ),
    );
  } finally {
    await Deno.remove(path);
  }
});
