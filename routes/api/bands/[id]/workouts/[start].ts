import type { Handlers } from "../../../../../lib/http/define.ts";
import { notFound } from "../../../../../lib/http/errors.ts";
import { requireBand } from "../../../../../lib/auth/guards.ts";
import { buildTcx } from "../../../../../lib/history/export_tcx.ts";
import { loadTcxWorkout } from "../../../../../lib/history/workout_tcx.ts";

/** Downloads the workout that started at `:start` (epoch ms) as TCX: `/api/bands/:id/workouts/<start>.tcx`. */
export const handler: Handlers = {
  async GET(ctx) {
    const band = await requireBand(ctx);
    const match = /^(\d{1,16})\.tcx$/.exec(ctx.params.start ?? "");
    if (match === null) {
      throw notFound(
        "Cannot find workout: use /api/bands/:id/workouts/<start in epoch ms>.tcx",
      );
    }
    const start = Number(match[1]);
    const workout = await loadTcxWorkout(ctx.state.kv, band.id, start);
    if (workout === null) {
      throw notFound("Cannot find workout: no workout starts at this instant");
    }
    return new Response(buildTcx(workout), {
      headers: {
        "Content-Type": "application/vnd.garmin.tcx+xml; charset=utf-8",
        "Content-Disposition": `attachment; filename="workout-${
          new Date(start).toISOString().slice(0, 19).replaceAll(":", "-")
        }.tcx"`,
        "Cache-Control": "no-store",
      },
    });
  },
};
