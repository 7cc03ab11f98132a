// Serves a fetch handler over node:http(s). `Deno.serve` (Deno 2.9) has no
// header or request timeout and no connection cap, so a few thousand clients
// that never finish their headers used to hold a descriptor each until the
// process ran out; Deno's node:http server has both, and answers 408 to a
// client too slow with its headers.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { Socket } from "node:net";
import { Readable } from "node:stream";

/** Connection information handed to the fetch handler, shaped like `Deno.serve`'s. */
export interface ListenInfo {
  remoteAddr: { transport: "tcp"; hostname: string; port: number };
}

/** A fetch handler (Hono's `app.fetch` fits). */
export type FetchHandler = (
  req: Request,
  info: ListenInfo,
) => Response | Promise<Response>;

/** How to listen and when to give up on slow clients. */
export interface ListenOptions {
  hostname: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** PEM certificate and key: speak https. */
  tls?: { cert: string; key: string };
  /** Time a client has to send its request headers. */
  headersTimeoutMs: number;
  /** Time a client has to send a whole request. */
  requestTimeoutMs: number;
  /**
   * Most simultaneous connections: past it, the oldest connection that has
   * not yet sent a request head is closed to make room, so clients that never
   * finish their headers cannot crowd out those that do.
   */
  maxConnections: number;
  /** How long an idle keep-alive connection stays open (default 5 s). */
  keepAliveTimeoutMs?: number;
}

/** A listening server. */
export interface RunningServer {
  /** The port it listens on (the real one when 0 was asked for). */
  port: number;
  /** Stops accepting, closes every connection, and resolves when done. */
  close(): Promise<void>;
  /**
   * Stops accepting, lets requests in flight finish for up to `graceMs`, then
   * closes every connection; resolves whether all of them finished in time.
   */
  shutdown(graceMs: number): Promise<{ drained: boolean }>;
}

function toRequest(
  req: IncomingMessage,
  scheme: "http" | "https",
  signal: AbortSignal,
): Request | null {
  const target = req.url ?? "/";
  if (!target.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(`${scheme}://${req.headers.host ?? "localhost"}${target}`);
  } catch {
    return null;
  }
  const headers = new Headers();
  try {
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    }
  } catch {
    return null;
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    body: hasBody ? Readable.toWeb(req) as ReadableStream<Uint8Array> : null,
    signal,
    // @ts-ignore: `duplex` is required for a streamed body but not in Deno's RequestInit yet
    duplex: "half",
  });
}

function waitForDrain(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (drained: boolean) => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(drained);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    res.on("drain", onDrain);
    res.on("close", onClose);
  });
}

async function writeResponse(
  req: IncomingMessage,
  res: ServerResponse,
  response: Response,
) {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  // An answer given before the body arrived (413, 403 …): close rather than
  // read the rest of a possibly endless upload to keep the connection.
  if (!req.complete) res.setHeader("connection", "close");
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    while (!res.destroyed) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value) && !(await waitForDrain(res))) break;
    }
  } finally {
    if (res.destroyed) await reader.cancel().catch(() => {});
    res.end();
  }
}

function plainAnswer(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    connection: "close",
  });
  res.end(message);
}

function handleWith(handler: FetchHandler, scheme: "http" | "https") {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const aborter = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) aborter.abort();
    });
    const request = toRequest(req, scheme, aborter.signal);
    if (request === null) {
      plainAnswer(res, 400, "Cannot read request: bad host or target");
      return;
    }
    const socket = req.socket;
    let response: Response;
    try {
      response = await handler(request, {
        remoteAddr: {
          transport: "tcp",
          hostname: socket.remoteAddress ?? "unknown",
          port: socket.remotePort ?? 0,
        },
      });
    } catch (error) {
      console.error("Unhandled error in the request handler", error);
      if (!res.headersSent) plainAnswer(res, 500, "Internal server error");
      return;
    }
    try {
      await writeResponse(req, res, response);
    } catch {
      res.destroy();
    }
  };
}

/**
 * Keeps at most `maxConnections` open by closing, when a new one arrives, the
 * oldest that is still waiting for its request head. Sockets still in their
 * TLS handshake are bounded by the handshake timeout and a hard cap a little
 * above.
 */
function evictWaitingConnections(
  server: Server,
  options: { maxConnections: number; event: "connection" | "secureConnection" },
) {
  const open = new Set<Socket>();
  const waiting = new Set<Socket>();
  server.maxConnections = options.maxConnections + 64;
  server.on(options.event, (socket: Socket) => {
    open.add(socket);
    waiting.add(socket);
    socket.once("close", () => {
      open.delete(socket);
      waiting.delete(socket);
    });
    if (open.size > options.maxConnections) {
      const oldest = waiting.values().next().value ?? socket;
      waiting.delete(oldest);
      oldest.destroy();
    }
  });
  server.on("request", (req: IncomingMessage) => waiting.delete(req.socket));
}

/** Starts serving `handler`; resolves once listening. */
export function listen(
  handler: FetchHandler,
  options: ListenOptions,
): Promise<RunningServer> {
  const scheme = options.tls ? "https" : "http";
  const serverOptions = {
    headersTimeout: options.headersTimeoutMs,
    requestTimeout: Math.max(
      options.requestTimeoutMs,
      options.headersTimeoutMs,
    ),
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
    // Node checks the two timeouts above on this interval (default 30 s).
    connectionsCheckingInterval: Math.min(1_000, options.headersTimeoutMs),
  };
  const handle = handleWith(handler, scheme);
  // Requests whose answer is not yet fully written, for a graceful shutdown.
  let inFlight = 0;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    let counted = true;
    const done = () => {
      if (counted) inFlight--;
      counted = false;
    };
    res.once("finish", done);
    res.once("close", done);
    return handle(req, res);
  };
  const server: Server = options.tls
    ? createHttpsServer({
      ...serverOptions,
      ...options.tls,
      handshakeTimeout: options.headersTimeoutMs,
    }, onRequest)
    : createHttpServer(serverOptions, onRequest);
  evictWaitingConnections(server, {
    maxConnections: options.maxConnections,
    event: options.tls ? "secureConnection" : "connection",
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => {
      server.off("error", reject);
      const address = server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : 0,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
        async shutdown(graceMs) {
          const closed = new Promise<void>((done) =>
            server.close(() => done())
          );
          const deadline = performance.now() + graceMs;
          // Idle keep-alive connections go at once; busy ones once answered.
          server.closeIdleConnections();
          while (inFlight > 0 && performance.now() < deadline) {
            await new Promise((wait) => setTimeout(wait, 25));
            server.closeIdleConnections();
          }
          const drained = inFlight === 0;
          server.closeAllConnections();
          await closed;
          return { drained };
        },
      });
    });
  });
}
