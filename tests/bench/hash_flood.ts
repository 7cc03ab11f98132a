// Finding 3's attack, measured: 64 anonymous clients post to the endpoints that
// hash passwords (setup after setup, unknown invitation tokens, sign-in with
// made-up names) while a signed-in person reads /api/me. Prints that person's
// latency with and without the flood, and what the flood was answered.
//
//   deno run -A tests/bench/hash_flood.ts [--root DIR] [--seconds 8] [--spread]
//
// --root runs another checkout (e.g. an export of main, for "before" figures);
// --spread starts the server with TRUST_PROXY=true and gives every flood client
// its own X-Forwarded-For address, like a flood from many machines;
// --cheap floods a read that hashes nothing, to show what volume alone costs.

const args = Deno.args;
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const root = option(
  "--root",
  new URL("../..", import.meta.url).pathname.replace(/\/$/, ""),
);
const seconds = Number(option("--seconds", "8"));
const spread = args.includes("--spread");
// --cheap floods GET /api/setup instead: the floor that request volume alone costs.
const cheap = args.includes("--cheap");
const CLIENTS = 64;
const port = 18_000 + Math.floor(Math.random() * 1000);
const origin = `http://127.0.0.1:${port}`;
const deno = Deno.execPath();

const server = new Deno.Command(deno, {
  args: ["run", "-A", `${root}/main.ts`],
  cwd: root,
  env: {
    PORT: String(port),
    KV_PATH: ":memory:",
    TRUST_PROXY: spread ? "true" : "false",
  },
  stdout: "null",
  stderr: "inherit",
}).spawn();

async function waitForServer() {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${origin}/api/setup`);
      await res.body?.cancel();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("Cannot start the server: it did not answer in 60 s");
}

const ACCOUNT = {
  username: "ada",
  password: "correct horse battery",
  timeZone: "UTC",
};

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function summarise(label: string, ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(28)} n=${String(s.length).padStart(5)}  p50 ${
      percentile(s, 0.5).toFixed(1)
    } ms  p95 ${percentile(s, 0.95).toFixed(1)} ms  max ${
      s[s.length - 1].toFixed(1)
    } ms`,
  );
}

async function measureUser(cookie: string, untilMs: number) {
  const times: number[] = [];
  while (performance.now() < untilMs) {
    const t0 = performance.now();
    const res = await fetch(`${origin}/api/me`, {
      headers: { Cookie: cookie },
    });
    await res.body?.cancel();
    if (res.status !== 200) throw new Error(`GET /api/me: ${res.status}`);
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return times;
}

function randomToken() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-")
    .replaceAll("/", "_").replace(/=+$/, "");
}

async function flood(
  client: number,
  untilMs: number,
  statuses: Map<number, number>,
) {
  const address = `198.51.${client >> 8}.${client & 255}`;
  let n = 0;
  while (performance.now() < untilMs) {
    const which = n++ % 3;
    const [path, body] = which === 0
      ? ["/api/setup", { ...ACCOUNT, username: `eve${client}` }]
      : which === 1
      ? [`/api/invitations/${randomToken()}`, {
        ...ACCOUNT,
        username: `eve${client}`,
      }]
      : ["/api/session", {
        username: `guess${client}x${n}`,
        password: "wrong password",
      }];
    try {
      const res = await fetch(`${origin}${cheap ? "/api/setup" : path}`, {
        method: cheap ? "GET" : "POST",
        headers: {
          "Content-Type": "application/json",
          Origin: origin,
          ...(spread ? { "X-Forwarded-For": address } : {}),
        },
        body: cheap ? undefined : JSON.stringify(body),
      });
      await res.body?.cancel();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    } catch {
      statuses.set(0, (statuses.get(0) ?? 0) + 1);
    }
  }
}

try {
  await waitForServer();
  const setup = await fetch(`${origin}/api/setup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: origin },
    body: JSON.stringify(ACCOUNT),
  });
  await setup.body?.cancel();
  const cookie = setup.headers.getSetCookie().map((c) => c.split(";")[0])
    .join("; ");
  console.log(
    `${
      cheap ? "CONTROL (GET /api/setup) " : ""
    }Server: ${root}  clients: ${CLIENTS}${
      spread ? " (one address each)" : " (one address)"
    }  flood: ${seconds} s`,
  );
  summarise(
    "signed-in GET /api/me, idle",
    await measureUser(cookie, performance.now() + 2000),
  );
  const until = performance.now() + seconds * 1000;
  const statuses = new Map<number, number>();
  const [times] = await Promise.all([
    measureUser(cookie, until),
    ...Array.from({ length: CLIENTS }, (_, i) => flood(i, until, statuses)),
  ]);
  summarise("signed-in GET /api/me, flood", times);
  const answered = [...statuses].sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status || "error"}: ${count}`).join(", ");
  console.log(`flood answers: ${answered}`);
} finally {
  server.kill();
  await server.status;
}
