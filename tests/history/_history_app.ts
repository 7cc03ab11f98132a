// Test-only app with the home page, the history page, the daily summaries and
// export routes, plus every island
// and the islands build (as served), so pages weigh what they weigh for real.

import { loadConfig } from "../../fresh.config.ts";
import {
  createApp,
  type Manifest,
  type RouteModule,
} from "../../lib/http/app.ts";
import { ensureIslandsBuild, projectPaths } from "../../lib/http/server.ts";
import { manifest as generated } from "../../fresh.gen.ts";
import * as app from "../../routes/_app.tsx";
import * as notFound from "../../routes/_404.tsx";
import * as serverError from "../../routes/_500.tsx";
import * as middleware from "../../routes/_middleware.ts";
import * as history from "../../routes/devices/[id]/history.tsx";
import * as exportRoute from "../../routes/api/bands/[id]/export.ts";
import * as daily from "../../routes/api/bands/[id]/summaries/daily.ts";
import * as home from "../../routes/index.tsx";

/** Project root folder. */
export const ROOT = new URL("../..", import.meta.url).pathname.replace(
  /\/$/,
  "",
);

const manifest: Manifest = {
  routes: {
    "./routes/_app.tsx": app as RouteModule,
    "./routes/_404.tsx": notFound as RouteModule,
    "./routes/_500.tsx": serverError as RouteModule,
    "./routes/_middleware.ts": middleware as RouteModule,
    "./routes/devices/[id]/history.tsx": history as RouteModule,
    "./routes/api/bands/[id]/export.ts": exportRoute as RouteModule,
    "./routes/api/bands/[id]/summaries/daily.ts": daily as RouteModule,
    "./routes/index.tsx": home as RouteModule,
  },
  islands: generated.islands,
};

const build = await ensureIslandsBuild(ROOT, generated);

/** The history app on a given KV, serving static files so screenshots get the styles; `now` pins its clock. */
export function createHistoryApp(
  kv: Deno.Kv,
  now?: () => number,
): ReturnType<typeof createApp> {
  const { staticDir, buildDir } = projectPaths(ROOT);
  return createApp({
    config: loadConfig({ KV_PATH: ":memory:" }),
    kv,
    manifest,
    build,
    buildDir,
    staticDir,
    now,
  });
}
