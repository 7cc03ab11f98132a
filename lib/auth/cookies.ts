// Reading one cookie from a request's `Cookie` header, with Hono's parser.
import { parse } from "hono/utils/cookie";

/** The value of the cookie called `name`, or undefined. */
export function readCookie(req: Request, name: string): string | undefined {
  return parse(req.headers.get("Cookie") ?? "", name)[name];
}
