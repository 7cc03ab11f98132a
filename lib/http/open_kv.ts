// Opens the app's one Deno KV handle from configuration.
import type { KvLocation } from "../../fresh.config.ts";
import { withKvLimits } from "../db/kv_limits.ts";

/** Opens KV from configuration; with `strictLimits`, every call is checked against hosted KV's limits. */
export async function openKv(
  location: KvLocation,
  options: { strictLimits?: boolean } = {},
): Promise<Deno.Kv> {
  const kv = await openKvAt(location);
  return options.strictLimits ? withKvLimits(kv) : kv;
}

/** Opens KV at a local file (creating its folder), in memory, remotely (KV Connect), or Deploy's default. */
async function openKvAt(location: KvLocation): Promise<Deno.Kv> {
  switch (location.kind) {
    case "memory":
      return await Deno.openKv(":memory:");
    case "default":
      return await Deno.openKv();
    case "remote":
      // KV Connect reads its token from DENO_KV_ACCESS_TOKEN.
      return await Deno.openKv(location.url);
    case "file": {
      const folder = location.path.includes("/")
        ? location.path.slice(0, location.path.lastIndexOf("/"))
        : "";
      if (folder) await Deno.mkdir(folder, { recursive: true });
      return await Deno.openKv(location.path);
    }
  }
}

/** Describes a KV location for the start-up log, without any token or credentials. */
export function describeKvLocation(location: KvLocation): string {
  switch (location.kind) {
    case "memory":
      return "in memory (data is lost on exit)";
    case "default":
      return "Deno Deploy's KV";
    case "remote": {
      const url = new URL(location.url);
      return `remote KV at ${url.protocol}//${url.host}`;
    }
    case "file":
      return `file ${location.path}`;
  }
}
