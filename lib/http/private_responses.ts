// Pages and API answers depend on who is signed in, so no shared cache may keep
// them and no browser cache may replay them after sign-out. Static files set
// their own (immutable, hashed) caching and never pass through here.

/** The caching rule of every page and API answer. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/** Marks a dynamic response uncacheable and varying by cookie, unless it chose its own caching. */
export function markPrivate(response: Response): Response {
  let res = response;
  try {
    res.headers.append("Vary", "Cookie");
  } catch {
    // Responses with immutable headers (Response.redirect, fetch) get copied once.
    res = new Response(response.body, response);
    res.headers.append("Vary", "Cookie");
  }
  if (!res.headers.has("Cache-Control")) {
    res.headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
  }
  return res;
}
