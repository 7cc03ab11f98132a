import type { Handlers } from "../../../../../lib/http/define.ts";
import {
  GADGETBRIDGE_MAX_BYTES,
  gadgetbridgeImportQuerySchema,
} from "../../../../../lib/api/gadgetbridge_schemas.ts";
import { readQuery } from "../../../../../lib/auth/request_body.ts";
import { requireBand, requireUser } from "../../../../../lib/auth/guards.ts";
import {
  importGadgetbridgeUpload,
  previewGadgetbridgeUpload,
} from "../../../../../lib/gadgetbridge/mod.ts";

/** Previews (`?dryRun=true`) or imports (`?device=<MAC>`) a Gadgetbridge database or ZIP backup. */
export const handler: Handlers = {
  async POST(ctx) {
    const user = requireUser(ctx);
    const band = await requireBand(ctx);
    const query = readQuery(ctx.url, gadgetbridgeImportQuerySchema);
    if ("dryRun" in query) {
      return Response.json(
        await previewGadgetbridgeUpload(ctx.req.body, GADGETBRIDGE_MAX_BYTES),
      );
    }
    return Response.json(
      await importGadgetbridgeUpload(ctx.state.kv, ctx.req.body, {
        device: query.device,
        bandId: band.id,
        owner: band.userId,
        timeZone: user.timeZone ?? "UTC",
        now: ctx.state.now(),
        maxBytes: GADGETBRIDGE_MAX_BYTES,
      }),
    );
  },
};
