// Hosted KV's hard limits, checked before a call reaches the store. The local
// SQLite backend enforces most of them itself, but more loosely than KV Connect
// (denokv) and Deno Deploy: 100 checks instead of 10, and keys not counted in
// a commit's size. Running the app and its tests through this checker proves
// every write path fits the strictest backend it may be deployed on.
// Figures: denokv_proto's limits.rs (the KV Connect server) and Deno's KV docs.
import { serialize } from "node:v8";

/** The strictest limits of every Deno KV backend the app may run on. */
export const KV_LIMITS = {
  /** Largest key that may be written, in encoded bytes. */
  maxKeyBytes: 2048,
  /** Largest value, in serialized bytes. */
  maxValueBytes: 65_536,
  /** Checks in one atomic operation (denokv; local KV allows 100). */
  maxChecks: 10,
  /** Mutations in one atomic operation. */
  maxMutations: 1000,
  /** Keys and values of one atomic operation together, in bytes. */
  maxCommitBytes: 819_200,
  /** Keys of one atomic operation together, in bytes. */
  maxCommitKeyBytes: 81_920,
  /** Keys in one `getMany`. */
  maxReadRanges: 10,
  /** Entries in one list page. */
  maxListBatch: 1000,
} as const;

/** Thrown when a KV call would break one of {@link KV_LIMITS}. */
export class KvLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KvLimitError";
  }
}

const encoder = new TextEncoder();

/** Encoded size of a key, as FoundationDB's tuple layer lays it out (one type byte a part). */
export function measureKey(key: Deno.KvKey): number {
  let size = 0;
  for (const part of key) {
    if (typeof part === "string") {
      size += 2 + escapedLength(encoder.encode(part));
    } else if (part instanceof Uint8Array) {
      size += 2 + escapedLength(part);
    } else if (typeof part === "number") size += 9;
    else if (typeof part === "bigint") {
      size += 2 + Math.ceil(part.toString(16).length / 2);
    } else size += 1;
  }
  return size;
}

function escapedLength(bytes: Uint8Array): number {
  let zeros = 0;
  for (const b of bytes) if (b === 0) zeros++;
  return bytes.length + zeros;
}

/** Serialized size of a value as KV stores it: raw bytes, 8 for a `KvU64`, V8 serialization otherwise. */
export function measureValue(value: unknown): number {
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Deno.KvU64) return 8;
  if (ArrayBuffer.isView(value)) return measureTypedArray(value.byteLength);
  return serialize(value).byteLength;
}

// node:v8 writes a typed array as its own compact host object, a few bytes
// shorter than the layout Deno's KV stores: the version header (2), the buffer
// ('B', length, bytes) and the view ('V', type, offset, length, flags). Checked
// at the boundary: an Int8Array of 65,523 bytes fits, 65,524 does not.
function measureTypedArray(byteLength: number): number {
  return 2 + 1 + varintLength(byteLength) + byteLength + 1 + 1 +
    varintLength(0) + varintLength(byteLength) + 1;
}

function varintLength(n: number): number {
  let length = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    length++;
  }
  return length;
}

function checkKey(key: Deno.KvKey, what: string): number {
  const size = measureKey(key);
  if (size > KV_LIMITS.maxKeyBytes) {
    throw new KvLimitError(
      `Cannot ${what}: key ${
        describeKey(key)
      } is ${size} bytes (limit ${KV_LIMITS.maxKeyBytes})`,
    );
  }
  return size;
}

function checkValue(key: Deno.KvKey, value: unknown): number {
  const size = measureValue(value);
  if (size > KV_LIMITS.maxValueBytes) {
    throw new KvLimitError(
      `Cannot write to KV: value at ${
        describeKey(key)
      } is ${size} bytes (limit ${KV_LIMITS.maxValueBytes})`,
    );
  }
  return size;
}

// Keys are named by their leading (collection) parts only: ids and times that
// follow may be personal, and the message can end up in a log.
function describeKey(key: Deno.KvKey): string {
  const head = key.filter((p) => typeof p === "string").slice(0, 1);
  return `[${head.map((p) => JSON.stringify(p)).join(", ")}, …${key.length}]`;
}

/** Running totals of one atomic operation, checked at commit. */
class CommitBudget {
  checks = 0;
  mutations = 0;
  bytes = 0;
  keyBytes = 0;

  addCheck(key: Deno.KvKey): void {
    this.checks++;
    const size = checkKey(key, "check a KV key");
    this.bytes += size;
    this.keyBytes += size;
  }

  addMutation(key: Deno.KvKey, value?: unknown): void {
    this.mutations++;
    const size = checkKey(key, "write to KV");
    this.keyBytes += size;
    this.bytes += size + (value === undefined ? 0 : checkValue(key, value));
  }

  assertWithin(): void {
    const breaches = [
      [this.checks, KV_LIMITS.maxChecks, "checks"],
      [this.mutations, KV_LIMITS.maxMutations, "mutations"],
      [this.bytes, KV_LIMITS.maxCommitBytes, "bytes"],
      [this.keyBytes, KV_LIMITS.maxCommitKeyBytes, "key bytes"],
    ] as const;
    for (const [used, limit, unit] of breaches) {
      if (used > limit) {
        throw new KvLimitError(
          `Cannot commit to KV: the atomic operation has ${used} ${unit} (limit ${limit})`,
        );
      }
    }
  }
}

function wrapAtomic(atomic: Deno.AtomicOperation): Deno.AtomicOperation {
  const budget = new CommitBudget();
  const proxy: Deno.AtomicOperation = new Proxy(atomic, {
    get(target, prop) {
      switch (prop) {
        case "check":
          return (...checks: Deno.AtomicCheck[]) => {
            for (const c of checks) budget.addCheck(c.key);
            target.check(...checks);
            return proxy;
          };
        case "set":
          return (key: Deno.KvKey, value: unknown, options?: object) => {
            budget.addMutation(key, value);
            target.set(key, value, options);
            return proxy;
          };
        case "delete":
          return (key: Deno.KvKey) => {
            budget.addMutation(key);
            target.delete(key);
            return proxy;
          };
        case "sum":
        case "min":
        case "max":
          return (key: Deno.KvKey, n: bigint) => {
            budget.addMutation(key, new Deno.KvU64(n));
            target[prop](key, n);
            return proxy;
          };
        case "mutate":
          return (...mutations: Deno.KvMutation[]) => {
            for (const m of mutations) {
              budget.addMutation(m.key, "value" in m ? m.value : undefined);
            }
            target.mutate(...mutations);
            return proxy;
          };
        case "commit":
          return async () => {
            budget.assertWithin();
            return await target.commit();
          };
        default: {
          const value = Reflect.get(target, prop, target);
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
  return proxy;
}

/** Wraps a KV handle so any call that would break hosted KV's limits throws a {@link KvLimitError}. */
export function withKvLimits(kv: Deno.Kv): Deno.Kv {
  return new Proxy(kv, {
    get(target, prop) {
      switch (prop) {
        case "atomic":
          return () => wrapAtomic(target.atomic());
        case "set":
          return async (
            key: Deno.KvKey,
            value: unknown,
            options?: object,
          ) => {
            checkKey(key, "write to KV");
            checkValue(key, value);
            return await target.set(key, value, options);
          };
        case "getMany":
          return async (keys: Deno.KvKey[], options?: object) => {
            if (keys.length > KV_LIMITS.maxReadRanges) {
              throw new KvLimitError(
                `Cannot read from KV: getMany of ${keys.length} keys (limit ${KV_LIMITS.maxReadRanges})`,
              );
            }
            return await target.getMany(keys, options);
          };
        case "list":
          return (
            selector: Deno.KvListSelector,
            options: Deno.KvListOptions = {},
          ) => {
            const batch = options.batchSize ??
              Math.min(options.limit ?? 500, 500);
            if (batch > KV_LIMITS.maxListBatch) {
              throw new KvLimitError(
                `Cannot list KV: a page of ${batch} entries (limit ${KV_LIMITS.maxListBatch})`,
              );
            }
            return target.list(selector, options);
          };
        default: {
          const value = Reflect.get(target, prop, target);
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
}
