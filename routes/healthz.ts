import type { Handlers } from "../lib/http/define.ts";

/** Liveness: the process is up and answering; no session, nothing private. */
export const handler: Handlers = {
  GET() {
    return Response.json({ status: "ok" }, {
      headers: { "Cache-Control": "no-store" },
    });
  },
};
