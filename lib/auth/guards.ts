// Route guards: who is signed in, and whether a band is theirs. Another
// person's band answers exactly like a missing one, so it cannot be detected.
import type { RouteContext, SessionUser } from "../http/define.ts";
import { forbidden, notFound, unauthorized } from "../http/errors.ts";
import { type Band, getBand } from "../db/bands.ts";

/** Returns the signed-in person or throws 401. */
export function requireUser(ctx: RouteContext): SessionUser {
  if (ctx.state.user === undefined) throw unauthorized();
  return ctx.state.user;
}

/** Returns the person signed in with a session (not an API token), or throws 401 or 403. */
export function requireSessionUser(ctx: RouteContext): SessionUser {
  const user = requireUser(ctx);
  if (ctx.state.apiTokenId !== undefined) {
    throw forbidden("Cannot use an API token here: sign in instead");
  }
  return user;
}

/** Returns the signed-in person's band named by `ctx.params.id`, or throws 404. */
export async function requireBand(ctx: RouteContext): Promise<Band> {
  const user = requireUser(ctx);
  const id = ctx.params.id ?? "";
  const band = /^[0-9a-f-]{36}$/.test(id)
    ? await getBand(ctx.state.kv, user.id, id)
    : null;
  if (band === null) throw notFound("Cannot find band: no band with this id");
  return band;
}
