import type { Handlers } from "../../../../lib/http/define.ts";
import {
  type BandSettings,
  bandSettingsPatchSchema,
  bandSettingsSchema,
  mergeBandSettings,
} from "../../../../lib/api/band_schemas.ts";
import {
  describeIssues,
  readJsonBody,
} from "../../../../lib/auth/request_body.ts";
import { requireBand } from "../../../../lib/auth/guards.ts";
import { updateBand } from "../../../../lib/db/bands.ts";
import { badRequest, notFound } from "../../../../lib/http/errors.ts";

// The merge runs inside `updateBand`, on the record it re-reads after a version
// conflict, so two cards saving different fields at once both keep theirs.
function completeSettings(merged: Record<string, unknown>): BandSettings {
  const result = bandSettingsSchema.safeParse(merged);
  if (result.success) return result.data;
  const { summary, issues } = describeIssues(result.error);
  throw badRequest(`Cannot save settings: ${summary}`, { issues });
}

/** Settings last written to the band: read (GET) and merge field by field (PATCH). */
export const handler: Handlers = {
  async GET(ctx) {
    const band = await requireBand(ctx);
    return Response.json({ settings: band.settings });
  },
  async PATCH(ctx) {
    const band = await requireBand(ctx);
    const patch = await readJsonBody(ctx.req, bandSettingsPatchSchema);
    const next = await updateBand(ctx.state.kv, band.userId, band.id, (b) => ({
      ...b,
      settings: completeSettings(mergeBandSettings(b.settings, patch)),
    }));
    if (next === null) throw notFound("Cannot find band: no band with this id");
    return Response.json({ settings: next.settings });
  },
};
