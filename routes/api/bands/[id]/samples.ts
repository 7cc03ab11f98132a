import type { Handlers } from "../../../../lib/http/define.ts";
import {
  MAX_UPLOAD_BYTES,
  uploadSamplesSchema,
} from "../../../../lib/api/sample_schemas.ts";
import { readJsonBody } from "../../../../lib/auth/request_body.ts";
import { ensureSummaryTimeZone } from "../../../../lib/db/summary_rebuild.ts";
import { requireBand, requireUser } from "../../../../lib/auth/guards.ts";
import { decodeUploadBatches } from "../../../../lib/auth/upload_batches.ts";
import { storeSamples } from "../../../../lib/db/samples.ts";

/** Uploads minutes fetched from the band; idempotent, all or nothing. */
export const handler: Handlers = {
  async POST(ctx) {
    const user = requireUser(ctx);
    const band = await requireBand(ctx);
    await ensureSummaryTimeZone(ctx.state.kv, band.id, user.timeZone ?? "UTC");
    const input = await readJsonBody(ctx.req, uploadSamplesSchema, {
      maxBytes: MAX_UPLOAD_BYTES,
    });
    const now = Date.now();
    const batches = decodeUploadBatches(input.batches, now);
    const result = await storeSamples(ctx.state.kv, band.id, batches, {
      timeZone: user.timeZone ?? "UTC",
      now,
      owner: band.userId,
    });
    return Response.json(result);
  },
};
