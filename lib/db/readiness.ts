// The readiness probe's check: KV answers a write and a read in time.
import { readinessProbeKey } from "./keys.ts";

/** How long KV may take to answer the probe before the server counts as not ready. */
export const READINESS_TIMEOUT_MS = 2000;

/** Writes and reads back one probe value; resolves false on an error or after the timeout. */
export async function probeKv(
  kv: Deno.Kv,
  options: { now: number; timeoutMs?: number },
): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(
      () => resolve(false),
      options.timeoutMs ?? READINESS_TIMEOUT_MS,
    );
  });
  const probe = (async () => {
    await kv.set(readinessProbeKey(), options.now);
    const read = await kv.get<number>(readinessProbeKey());
    return read.value === options.now;
  })().catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
