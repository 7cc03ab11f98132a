import type { Handlers } from "../../../../lib/http/define.ts";
import { requireBand, requireUser } from "../../../../lib/auth/guards.ts";
import { loadTodayView } from "../../../../lib/history/today_view.ts";

/** The person's day on this band: stored figures, last night's sleep, latest heart rate. */
export const handler: Handlers = {
  async GET(ctx) {
    const timeZone = requireUser(ctx).timeZone ?? "UTC";
    const band = await requireBand(ctx);
    return Response.json(
      await loadTodayView(ctx.state.kv, band.id, {
        timeZone,
        now: ctx.state.now(),
      }),
    );
  },
};
