// Who the WebAuthn relying party is: this server at the origin the browser
// used. The origin comes from the request URL as the HTTP layer resolved it
// (`ctx.url`, which honours X-Forwarded-Proto/Host behind a trusted proxy).
// When a configured public origin (PUBLIC_URL) exists, it replaces `url` here.
import type { RouteContext } from "../http/define.ts";

/** The relying party's id (a host name), origin and display name. */
export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

/** The relying party for a request. */
export function relyingPartyOf(ctx: RouteContext): RelyingParty {
  return relyingPartyForUrl(ctx.url);
}

/** The relying party for an origin URL. */
export function relyingPartyForUrl(url: URL): RelyingParty {
  return { id: url.hostname, origin: url.origin, name: "Band Web" };
}
