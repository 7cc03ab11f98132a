// Re-runs issue 10's anonymous HTTP attacks against a real server process and
// prints what happened: `deno run -A tests/deploy/attack_report.ts`.
import { openHalfOpen, postChunked } from "./attacks.ts";
import { startServerProcess } from "./server_process.ts";

const MiB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

function tally(statuses: number[]) {
  const counts: Record<string, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  const errors = statuses.filter((s) => s >= 500 || s === 0).length;
  return `${statuses.length} tried, 5xx or no answer: ${errors}, statuses ${
    JSON.stringify(counts)
  }`;
}

async function probe(origin: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${origin}/api/setup`).catch(() => null);
    statuses.push(res?.status ?? 0);
    await res?.body?.cancel();
  }
  return statuses;
}

async function raw(port: number, head: string): Promise<number> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  await conn.write(new TextEncoder().encode(head));
  const buffer = new Uint8Array(512);
  const n = await conn.read(buffer).catch(() => null);
  conn.close();
  const text = new TextDecoder().decode(buffer.subarray(0, n ?? 0));
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
}

{
  const server = await startServerProcess();
  await probe(server.origin, 3);
  const before = server.readRss();
  let peak = before;
  const sampler = setInterval(
    () => peak = Math.max(peak, server.readRss()),
    20,
  );
  const statuses: number[] = [];
  for (let round = 0; round < 5; round++) {
    const targets = ["/signin", "/setup", "/signout", "/invite/x"];
    statuses.push(
      ...await Promise.all(targets.map((path) =>
        postChunked(server.port, {
          path,
          contentType: "application/x-www-form-urlencoded",
          totalBytes: 200 * MiB,
        })
      )),
      await postChunked(server.port, {
        path: "/api/setup",
        contentType: "application/json",
        totalBytes: 200 * MiB,
      }),
    );
  }
  clearInterval(sampler);
  console.log(
    `Finding 1, chunked 200 MiB posts (5 rounds of 4 forms + 1 JSON in parallel): ${
      tally(statuses)
    }; server RSS ${mb(before)} before, peak ${mb(peak)} (+${
      mb(peak - before)
    }); alive: ${server.isAlive()}`,
  );
  const longUrl = [];
  for (let i = 0; i < 50; i++) {
    longUrl.push(
      await raw(
        server.port,
        `GET /api/bands/${
          "a".repeat(8000)
        } HTTP/1.1\r\nHost: localhost\r\n\r\n`,
      ),
    );
  }
  console.log(`Finding 9, 8 KB URLs: ${tally(longUrl)}`);
  const rebinding = [];
  for (let i = 0; i < 20; i++) {
    rebinding.push(
      await raw(
        server.port,
        "POST /api/setup HTTP/1.1\r\nHost: evil.example\r\nOrigin: http://evil.example\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
      ),
    );
  }
  console.log(`Finding 5, setup under a foreign Host: ${tally(rebinding)}`);
  const notForm = [];
  for (let i = 0; i < 20; i++) {
    notForm.push(
      await raw(
        server.port,
        `POST /signin HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
      ),
    );
  }
  console.log(`Finding 9, JSON body to a form route: ${tally(notForm)}`);
  await server.stop();
}

for (const limit of [undefined, 1024]) {
  const server = await startServerProcess({ HEADERS_TIMEOUT_SECONDS: "60" }, {
    openFileLimit: limit,
  });
  const before = server.readRss();
  const attack = await openHalfOpen(server.port, 5_000);
  const answered = await probe(server.origin, 50);
  console.log(
    `Finding 2, 5,000 half-open connections (server open-file limit ${
      limit ?? "as inherited"
    }, MAX_CONNECTIONS 768): held ${
      5_000 - attack.closedByServer()
    }, server descriptors ${server.countFds()}, RSS ${mb(before)} -> ${
      mb(server.readRss())
    }; probes meanwhile: ${tally(answered)}; alive: ${server.isAlive()}`,
  );
  attack.close();
  await server.stop();
}

{
  const server = await startServerProcess({ HEADERS_TIMEOUT_SECONDS: "2" });
  const attack = await openHalfOpen(server.port, 500);
  const started = performance.now();
  const endings = await attack.allClosed();
  console.log(
    `Finding 2, 500 unfinished headers with HEADERS_TIMEOUT_SECONDS=2: all closed after ${
      ((performance.now() - started) / 1000).toFixed(1)
    } s, answers: ${tally(endings)}`,
  );
  attack.close();
  await server.stop();
}
