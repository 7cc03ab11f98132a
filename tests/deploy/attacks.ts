// The anonymous attacks of issue 10 on a real socket, shared by the tests and
// `attack_report.ts`: oversized chunked posts and half-open connections.

const encoder = new TextEncoder();

/** Sends a chunked body of up to `totalBytes` and returns the status line's code (0 if none came). */
export async function postChunked(
  port: number,
  options: { path: string; contentType: string; totalBytes: number },
): Promise<number> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  const head = `POST ${options.path} HTTP/1.1\r\nHost: localhost:${port}\r\n` +
    `Origin: http://localhost:${port}\r\nContent-Type: ${options.contentType}\r\n` +
    "Transfer-Encoding: chunked\r\n\r\n";
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const framed = new Uint8Array([
    ...encoder.encode(chunk.byteLength.toString(16) + "\r\n"),
    ...chunk,
    ...encoder.encode("\r\n"),
  ]);
  let answered = false;
  const reading = (async () => {
    const buffer = new Uint8Array(1024);
    let text = "";
    while (!text.includes("\r\n")) {
      const n = await conn.read(buffer).catch(() => null);
      if (n === null) break;
      text += new TextDecoder().decode(buffer.subarray(0, n));
    }
    answered = true;
    return Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  })();
  try {
    await conn.write(encoder.encode(head));
    for (let sent = 0; sent < options.totalBytes && !answered;) {
      await conn.write(framed);
      sent += chunk.byteLength;
    }
    if (!answered) await conn.write(encoder.encode("0\r\n\r\n"));
  } catch {
    // The server closed the connection after answering: expected.
  }
  const status = await reading;
  try {
    conn.close();
  } catch {
    // already closed
  }
  return status;
}

/** Connections that sent part of their headers and then went quiet. */
export interface HalfOpen {
  conns: Deno.Conn[];
  /** How many the server has closed so far. */
  closedByServer(): number;
  /** Resolves when all are closed; the responses' status codes (0 for none). */
  allClosed(): Promise<number[]>;
  close(): void;
}

/** Opens `count` connections that each send an unfinished request head. */
export async function openHalfOpen(
  port: number,
  count: number,
): Promise<HalfOpen> {
  const conns: Deno.Conn[] = [];
  const head = encoder.encode(
    `GET / HTTP/1.1\r\nHost: localhost:${port}\r\nX-Slow: `,
  );
  for (let i = 0; i < count; i++) {
    const conn = await Deno.connect({ hostname: "127.0.0.1", port });
    await conn.write(head);
    conns.push(conn);
  }
  let closed = 0;
  const endings = conns.map(async (conn) => {
    const buffer = new Uint8Array(256);
    let text = "";
    while (true) {
      const n = await conn.read(buffer).catch(() => null);
      if (n === null) break;
      text += new TextDecoder().decode(buffer.subarray(0, n));
    }
    closed++;
    return Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  });
  return {
    conns,
    closedByServer: () => closed,
    allClosed: () => Promise.all(endings),
    close() {
      for (const conn of conns) {
        try {
          conn.close();
        } catch {
          // already closed by the server
        }
      }
    },
  };
}

/** The soft open-file limit of this process (Linux), for sizing the half-open attack. */
export function readOwnOpenFileLimit(): number {
  const text = Deno.readTextFileSync("/proc/self/limits");
  const value = /^Max open files\s+(\d+|unlimited)/m.exec(text)?.[1];
  return value === "unlimited" ? Infinity : Number(value ?? 0);
}
