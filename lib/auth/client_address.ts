// The one place auth code asks for the client's address (rate limits, budgets,
// throttles). The HTTP layer decides what that address is (the socket, or the
// right-most untrusted `X-Forwarded-For` entry behind a trusted proxy).
import type { RouteContext } from "../http/define.ts";

/** The client's address as the HTTP layer resolved it, or "unknown". */
export function clientAddressOf(ctx: RouteContext): string {
  const address = ctx.state.clientAddress;
  return typeof address === "string" && address !== "" ? address : "unknown";
}
