import type { Handlers } from "../lib/http/define.ts";
import { listBands } from "../lib/db/bands.ts";
import { buildManifest, MANIFEST_CONTENT_TYPE } from "../lib/pwa/manifest.ts";

/**
 * The web app manifest: with the signed-in person's bands as shortcuts (the
 * page's link sends cookies, `crossorigin="use-credentials"`), the generic one
 * for everyone else. Private like every page: the app marks it `no-store` and
 * `Vary: Cookie`, so no shared cache keeps one person's band names.
 */
export const handler: Handlers = {
  async GET(ctx) {
    const user = ctx.state.user;
    const bands = user ? await listBands(ctx.state.kv, user.id) : [];
    const manifest = buildManifest(
      bands.map((band) => ({ id: band.id, name: band.name })),
    );
    return new Response(JSON.stringify(manifest), {
      headers: { "Content-Type": MANIFEST_CONTENT_TYPE },
    });
  },
};
