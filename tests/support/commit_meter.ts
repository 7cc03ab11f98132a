// A test-only KV wrapper that measures every atomic commit (mutations, bytes as
// kv_limits.ts counts them) and `set`, and keeps the largest by path label, so
// tests can print "the largest atomic commit any path makes".
import { measureKey, measureValue } from "../../lib/db/kv_limits.ts";

/** The size of one atomic commit. */
export interface CommitSize {
  mutations: number;
  checks: number;
  /** Keys and values together, as hosted KV counts a commit against 800 KiB. */
  bytes: number;
  /** Largest single value in the commit. */
  largestValue: number;
}

/** A KV handle that measures its commits, with the largest seen per label. */
export interface CommitMeter {
  kv: Deno.Kv;
  /** Commits made from now on are filed under this label. */
  label(name: string): void;
  /** Largest commit (by bytes) per label. */
  largest: Map<string, CommitSize>;
  /** The largest commit of all labels, by bytes and by mutations. */
  overall(): {
    byBytes: [string, CommitSize];
    byMutations: [string, CommitSize];
  };
}

/** Wraps `kv` (already under `withKvLimits`) so each successful commit is measured. */
export function meterCommits(kv: Deno.Kv): CommitMeter {
  let current = "unlabelled";
  const largest = new Map<string, CommitSize>();
  const largestByMutations = new Map<string, CommitSize>();
  const record = (size: CommitSize) => {
    const best = largest.get(current);
    if (!best || size.bytes > best.bytes) largest.set(current, size);
    const most = largestByMutations.get(current);
    if (!most || size.mutations > most.mutations) {
      largestByMutations.set(current, size);
    }
  };
  const wrapAtomic = (atomic: Deno.AtomicOperation): Deno.AtomicOperation => {
    const size: CommitSize = {
      mutations: 0,
      checks: 0,
      bytes: 0,
      largestValue: 0,
    };
    const add = (key: Deno.KvKey, value?: unknown) => {
      size.mutations++;
      const v = value === undefined ? 0 : measureValue(value);
      size.bytes += measureKey(key) + v;
      size.largestValue = Math.max(size.largestValue, v);
    };
    const proxy: Deno.AtomicOperation = new Proxy(atomic, {
      get(target, prop) {
        switch (prop) {
          case "check":
            return (...checks: Deno.AtomicCheck[]) => {
              for (const c of checks) {
                size.checks++;
                size.bytes += measureKey(c.key);
              }
              target.check(...checks);
              return proxy;
            };
          case "set":
            return (key: Deno.KvKey, value: unknown, options?: object) => {
              add(key, value);
              target.set(key, value, options);
              return proxy;
            };
          case "delete":
            return (key: Deno.KvKey) => {
              add(key);
              target.delete(key);
              return proxy;
            };
          case "sum":
          case "min":
          case "max":
            return (key: Deno.KvKey, n: bigint) => {
              add(key, new Deno.KvU64(n));
              target[prop](key, n);
              return proxy;
            };
          case "mutate":
            return (...mutations: Deno.KvMutation[]) => {
              for (const m of mutations) {
                add(m.key, "value" in m ? m.value : undefined);
              }
              target.mutate(...mutations);
              return proxy;
            };
          case "commit":
            return async () => {
              const res = await target.commit();
              if (res.ok) record({ ...size });
              return res;
            };
          default: {
            const value = Reflect.get(target, prop, target);
            return typeof value === "function" ? value.bind(target) : value;
          }
        }
      },
    });
    return proxy;
  };
  const metered = new Proxy(kv, {
    get(target, prop) {
      switch (prop) {
        case "atomic":
          return () => wrapAtomic(target.atomic());
        case "set":
          return async (key: Deno.KvKey, value: unknown, options?: object) => {
            const res = await target.set(key, value, options);
            const v = measureValue(value);
            record({
              mutations: 1,
              checks: 0,
              bytes: measureKey(key) + v,
              largestValue: v,
            });
            return res;
          };
        case "delete":
          return async (key: Deno.KvKey) => {
            await target.delete(key);
            record({
              mutations: 1,
              checks: 0,
              bytes: measureKey(key),
              largestValue: 0,
            });
          };
        default: {
          const value = Reflect.get(target, prop, target);
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
  return {
    kv: metered,
    label(name) {
      current = name;
    },
    largest,
    overall() {
      const bytes = [...largest].sort((a, b) => b[1].bytes - a[1].bytes)[0];
      const muts =
        [...largestByMutations].sort((a, b) =>
          b[1].mutations - a[1].mutations
        )[0];
      return { byBytes: bytes, byMutations: muts };
    },
  };
}
