import { probeKv } from "../lib/db/readiness.ts";
import type { Handlers } from "../lib/http/define.ts";

/** Readiness: KV answers a write and a read in time; no session, nothing private. */
export const handler: Handlers = {
  async GET(ctx) {
    const ready = await probeKv(ctx.state.kv, { now: ctx.state.now() });
    return Response.json({ status: ready ? "ok" : "unavailable" }, {
      status: ready ? 200 : 503,
      headers: { "Cache-Control": "no-store" },
    });
  },
};
