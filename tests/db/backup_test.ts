import assert from "node:assert/strict";
import {
  BackupError,
  restoreBackup,
  verifyBackup,
  writeBackup,
} from "../../lib/db/backup.ts";
import { BACKUP_VERSION } from "../../lib/db/backup_format.ts";
import { parsePeriod } from "../../fresh.config.ts";
import {
  backupAndPrune,
  backupFileName,
} from "../../lib/db/backup_schedule.ts";

const NOW = Date.UTC(2026, 10, 30, 6, 0);

async function seed(kv: Deno.Kv) {
  await kv.set(["users", "u1"], { name: "Ada", tags: ["a"], at: 1.5 });
  await kv.set(["samples", "b1", 20_000], new Uint8Array([1, 2, 3, 0, 255]));
  await kv.set(["counter"], new Deno.KvU64(42n));
  await kv.set(["big", 10n, true], { nested: new Uint8Array(8), n: null });
  await kv.set(["bytes", new Uint8Array([0, 1])], "key with bytes");
  await kv.set(["unicode", "ünï\u0000code"], "ok");
}

async function dump(kv: Deno.Kv) {
  const out: [Deno.KvKey, unknown][] = [];
  for await (const e of kv.list({ prefix: [] })) out.push([e.key, e.value]);
  return out;
}

async function withTemp(fn: (dir: string) => Promise<void>) {
  const dir = await Deno.makeTempDir();
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("writeBackup() and restoreBackup() round-trip every key and value type", async () => {
  await withTemp(async (dir) => {
    using source = await Deno.openKv(":memory:");
    await seed(source);
    const result = await writeBackup(source, `${dir}/a.gz`, { now: NOW });
    assert.equal(result.entries, 6);
    assert.ok(result.bytes > 0);
    using target = await Deno.openKv(":memory:");
    assert.deepEqual(await restoreBackup(target, `${dir}/a.gz`), {
      entries: 6,
      removed: 0,
    });
    const restored = await dump(target);
    assert.deepEqual(restored, await dump(source));
    assert.ok(restored.some(([, v]) => v instanceof Deno.KvU64));
  });
});

Deno.test("restoreBackup() refuses a non-empty store unless forced, then replaces it", async () => {
  await withTemp(async (dir) => {
    using source = await Deno.openKv(":memory:");
    await seed(source);
    await writeBackup(source, `${dir}/a.gz`, { now: NOW });
    using target = await Deno.openKv(":memory:");
    await target.set(["stray"], 1);
    await assert.rejects(
      () => restoreBackup(target, `${dir}/a.gz`),
      /not empty: restore into an empty store, or pass --force/,
    );
    assert.deepEqual(await dump(target), [[["stray"], 1]]);
    const { removed } = await restoreBackup(target, `${dir}/a.gz`, {
      force: true,
    });
    assert.equal(removed, 1);
    assert.deepEqual(await dump(target), await dump(source));
  });
});

Deno.test("restoreBackup() refuses a truncated file and writes nothing", async () => {
  await withTemp(async (dir) => {
    using source = await Deno.openKv(":memory:");
    for (let i = 0; i < 300; i++) {
      await source.set(["n", i], crypto.getRandomValues(new Uint8Array(500)));
    }
    await writeBackup(source, `${dir}/a.gz`, { now: NOW });
    const bytes = await Deno.readFile(`${dir}/a.gz`);
    await Deno.writeFile(`${dir}/cut.gz`, bytes.slice(0, bytes.length / 2));
    using target = await Deno.openKv(":memory:");
    await assert.rejects(
      () => restoreBackup(target, `${dir}/cut.gz`),
      BackupError,
    );
    assert.deepEqual(await dump(target), []);
  });
});

async function writeGzipLines(path: string, lines: unknown[]) {
  const text = lines.map((l) => JSON.stringify(l) + "\n").join("");
  const stream = new Blob([text]).stream().pipeThrough(
    new CompressionStream("gzip"),
  );
  await Deno.writeFile(path, stream);
}

Deno.test("verifyBackup() refuses a newer format, a foreign file and a missing end marker", async () => {
  await withTemp(async (dir) => {
    const header = { format: "band-web-kv-backup", createdAt: "x" };
    await writeGzipLines(`${dir}/new.gz`, [{
      ...header,
      version: BACKUP_VERSION + 1,
    }]);
    await assert.rejects(
      () => verifyBackup(`${dir}/new.gz`),
      /format version 2 and this Band Web reads up to 1: update Band Web first/,
    );
    await writeGzipLines(`${dir}/foreign.gz`, [{ hello: "world" }]);
    await assert.rejects(
      () => verifyBackup(`${dir}/foreign.gz`),
      /not a Band Web backup/,
    );
    await writeGzipLines(`${dir}/open.gz`, [{ ...header, version: 1 }]);
    await assert.rejects(
      () => verifyBackup(`${dir}/open.gz`),
      /truncated \(no end marker\)/,
    );
    await Deno.writeTextFile(`${dir}/plain.txt`, "not gzip at all");
    await assert.rejects(
      () => verifyBackup(`${dir}/plain.txt`),
      /damaged, truncated or not a Band Web backup/,
    );
  });
});

Deno.test("writeBackup() lists again when the store changed during a pass", async () => {
  await withTemp(async (dir) => {
    using raw = await Deno.openKv(":memory:");
    await seed(raw);
    // A write lands after the first pass read the store and before the
    // check pass: the file written would miss it, so it must be redone.
    let lists = 0;
    const busy = new Proxy(raw, {
      get(target, prop) {
        if (prop === "list") {
          return async function* (selector: Deno.KvListSelector) {
            lists++;
            if (lists === 2) await target.set(["late"], "written mid-backup");
            yield* target.list(selector);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const result = await writeBackup(busy, `${dir}/a.gz`, { now: NOW });
    assert.ok(lists >= 4, `expected a second attempt, saw ${lists} listings`);
    using target = await Deno.openKv(":memory:");
    await restoreBackup(target, result.path);
    assert.deepEqual(await dump(target), await dump(raw));
  });
});

Deno.test("writeBackup() gives up with a clear message when every pass sees a change", async () => {
  await withTemp(async (dir) => {
    using raw = await Deno.openKv(":memory:");
    let n = 0;
    const busy = new Proxy(raw, {
      get(target, prop) {
        if (prop === "list") {
          return (selector: Deno.KvListSelector) => {
            target.set(["tick", n++], n);
            return target.list(selector);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    await assert.rejects(
      () => writeBackup(busy, `${dir}/a.gz`, { now: NOW, attempts: 2 }),
      /changed during each of 2 passes/,
    );
    assert.deepEqual([...Deno.readDirSync(dir)], []);
  });
});

Deno.test("backupAndPrune() keeps the newest backups only", async () => {
  await withTemp(async (dir) => {
    using kv = await Deno.openKv(":memory:");
    await seed(kv);
    for (let i = 0; i < 4; i++) {
      await backupAndPrune(kv, { dir, keep: 2, now: NOW + i * 3_600_000 });
    }
    const names = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
    assert.deepEqual(names, [
      backupFileName(NOW + 2 * 3_600_000),
      backupFileName(NOW + 3 * 3_600_000),
    ]);
    assert.equal(backupFileName(NOW), "band-web-20261130T060000Z.kvbackup.gz");
  });
});

Deno.test("parsePeriod() reads minutes, hours and days and refuses anything else", () => {
  assert.equal(parsePeriod("30m"), 1_800_000);
  assert.equal(parsePeriod("24h"), 86_400_000);
  assert.equal(parsePeriod("7d"), 604_800_000);
  assert.throws(() => parsePeriod("0h"), /BACKUP_EVERY/);
  assert.throws(() => parsePeriod("daily"), /BACKUP_EVERY/);
});
