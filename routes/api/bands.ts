import type { Handlers } from "../../lib/http/define.ts";
import { createBandSchema } from "../../lib/api/band_schemas.ts";
import { readJsonBody } from "../../lib/auth/request_body.ts";
import { requireUser } from "../../lib/auth/guards.ts";
import { createBand, listBands, toPublicBand } from "../../lib/db/bands.ts";
import { getSyncState } from "../../lib/db/sync_state.ts";
import { conflict, unauthorized } from "../../lib/http/errors.ts";

/** The signed-in person's bands: list (GET) and add (POST). */
export const handler: Handlers = {
  async GET(ctx) {
    const user = requireUser(ctx);
    const bands = await listBands(ctx.state.kv, user.id);
    const states = await Promise.all(
      bands.map((b) => getSyncState(ctx.state.kv, b.id)),
    );
    return Response.json({
      bands: bands.map((b, i) => toPublicBand(b, states[i].lastSyncAt)),
    });
  },
  async POST(ctx) {
    const user = requireUser(ctx);
    const input = await readJsonBody(ctx.req, createBandSchema);
    const result = await createBand(ctx.state.kv, {
      ...input,
      id: crypto.randomUUID(),
      userId: user.id,
      lastBattery: null,
      settings: {},
      createdAt: Date.now(),
    });
    if (!result.ok && result.reason === "gone") throw unauthorized();
    if (!result.ok) {
      throw conflict(
        `Cannot add band: you already have a band with MAC ${input.mac}`,
      );
    }
    return Response.json({ band: toPublicBand(result.band) }, { status: 201 });
  },
};
