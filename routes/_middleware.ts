import type { Middleware } from "../lib/http/define.ts";

/** Runs before every route; later features add session loading here. */
export const handler: Middleware = async (ctx) => {
  return await ctx.next();
};
