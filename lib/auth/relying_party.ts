// Who the WebAuthn relying party is: this server at the origin the browser
// used. The origin comes from the request URL as the HTTP layer resolved it
// (`ctx.url`, which honours X-Forwarded-Proto/Host behind a trusted proxy),
// or the configured public origin (PUBLIC_URL) when there is one: passkeys are
// bound to it, so they keep working whatever Host a proxy forwards.
import type { RouteContext } from "../http/define.ts";

/** The relying party's id (a host name), origin and display name. */
export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

/** The relying party for a request. */
export function relyingPartyOf(ctx: RouteContext): RelyingParty {
  const configured = ctx.state.config.publicUrl;
  return relyingPartyForUrl(configured ? new URL(configured) : ctx.url);
}

/** The relying party for an origin URL. */
export function relyingPartyForUrl(url: URL): RelyingParty {
  return { id: url.hostname, origin: url.origin, name: "Band Web" };
}
