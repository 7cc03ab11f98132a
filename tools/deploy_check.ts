// `deno task deploy:check`: runs the app the way Deno Deploy would and fails on
// anything Deploy cannot do. The build must be done in advance (as Deploy's
// build step does); the server then runs without write permission, on an
// in-memory KV under hosted KV's strict limits, and a walk through the app
// (setup, a band, an upload, every page and export) must answer without a 5xx
// and without any attempt to touch the disk. Server modules must not import a
// computed specifier, which Deploy cannot include in the deployment.
import { readIslandsBuild } from "../lib/http/build_islands.ts";
import { projectPaths } from "../lib/http/server.ts";

const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const deno = Deno.execPath();
const problems: string[] = [];

// The one module whose `import(` is text of generated browser code, never run
// by the server.
const DYNAMIC_IMPORT_ALLOWED = new Set(["lib/http/build_islands.ts"]);

async function checkBuildIsReady() {
  const manifestCheck = await new Deno.Command(deno, {
    args: ["run", "-A", "tools/build.ts", "--check"],
    cwd: root,
    stdout: "null",
    stderr: "null",
  }).output();
  if (!manifestCheck.success) {
    problems.push("fresh.gen.ts is stale: run deno task build first");
  }
  if (!await readIslandsBuild(projectPaths(root).buildDir)) {
    problems.push("No islands build: run deno task build first");
  }
}

async function checkServerImports() {
  const info = await new Deno.Command(deno, {
    args: ["info", "--json", "main.ts"],
    cwd: root,
    stdout: "piped",
    stderr: "null",
  }).output();
  const graph = JSON.parse(new TextDecoder().decode(info.stdout)) as {
    modules: { specifier: string }[];
  };
  const local = graph.modules
    .map((m) => m.specifier)
    .filter((s) => s.startsWith(`file://${root}/`))
    .map((s) => s.slice(`file://${root}/`.length));
  for (const path of local) {
    if (DYNAMIC_IMPORT_ALLOWED.has(path)) continue;
    const source = await Deno.readTextFile(`${root}/${path}`);
    for (const match of source.matchAll(/\bimport\(\s*([^)\s]+)/g)) {
      if (!/^["'][^"']+["']$/.test(match[1])) {
        problems.push(`${path} imports a computed specifier: ${match[0]}`);
      }
    }
  }
  return local.length;
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

async function waitForServer(origin: string, child: Deno.ChildProcess) {
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(`${origin}/healthz`);
      await res.body?.cancel();
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    const exited = await Promise.race([
      child.status.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 50)),
    ]);
    if (exited) throw new Error("The server exited during start-up");
  }
  throw new Error("The server did not answer /healthz within 10 s");
}

/** Requests the app as a person would; returns how many requests were made. */
async function walkTheApp(origin: string): Promise<number> {
  let requests = 0;
  let cookie = "";
  let csrf = "";
  const call = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Response> => {
    requests++;
    const res = await fetch(`${origin}${path}`, {
      method,
      redirect: "manual",
      headers: {
        Accept: path.startsWith("/api/") ? "application/json" : "text/html",
        Origin: origin,
        ...(cookie ? { Cookie: cookie } : {}),
        ...(csrf ? { "X-CSRF-Token": csrf } : {}),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 500) {
      problems.push(`${method} ${path} answered ${res.status}`);
    }
    return res;
  };
  const setup = await call("POST", "/api/setup", {
    username: "deploy-check",
    password: "a long enough password",
    timeZone: "Europe/Berlin",
  });
  cookie = (setup.headers.get("set-cookie") ?? "").split(";")[0];
  csrf = (await setup.json()).csrfToken ?? "";
  const demo = await call("POST", "/api/demo-band");
  const bandId = (await demo.json()).band?.id as string | undefined;
  if (!bandId) {
    problems.push("Cannot create a band: the walk stops here");
    return requests;
  }
  const start = Date.UTC(2026, 0, 1);
  const minutes = new Uint8Array(4 * 600);
  for (let i = 0; i < 600; i++) minutes.set([1, 20, i % 30, 70], i * 4);
  const upload = await call("POST", `/api/bands/${bandId}/samples`, {
    batches: [{
      start,
      utcOffsetMinutes: 60,
      data: btoa(String.fromCharCode(...minutes)),
    }],
  });
  if (upload.status !== 200) {
    problems.push(
      `The upload answered ${upload.status}: ${await upload.text()}`,
    );
  } else await upload.body?.cancel();
  const paths = [
    "/",
    "/account",
    "/devices/new",
    `/devices/${bandId}`,
    ...["day", "week", "month", "year"].map((view) =>
      `/devices/${bandId}/history?view=${view}&day=2026-01-01`
    ),
    `/api/bands/${bandId}/summaries/daily?from=2025-12-30&to=2026-01-02`,
    ...["minutes", "daily"].map((data) =>
      `/api/bands/${bandId}/export?data=${data}&format=csv&from=2025-12-31&to=2026-01-02`
    ),
    "/readyz",
  ];
  for (const path of paths) await (await call("GET", path)).body?.cancel();
  return requests;
}

await checkBuildIsReady();
const modules = await checkServerImports();
if (problems.length === 0) {
  const port = freePort();
  const child = new Deno.Command(deno, {
    args: [
      "run",
      "--allow-net",
      "--allow-env",
      "--allow-read",
      "--allow-sys",
      "main.ts",
    ],
    cwd: root,
    env: {
      PORT: String(port),
      KV_PATH: ":memory:",
      KV_STRICT_LIMITS: "true",
      DENO_NO_UPDATE_CHECK: "1",
    },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const stderr = new Response(child.stderr).text();
  const stdout = new Response(child.stdout).text();
  const origin = `http://localhost:${port}`;
  let requests = 0;
  try {
    await waitForServer(origin, child);
    requests = await walkTheApp(origin);
  } catch (error) {
    problems.push((error as Error).message);
  } finally {
    try {
      child.kill("SIGTERM");
    } catch {
      // Already gone.
    }
    await child.status;
  }
  const log = (await stdout) + (await stderr);
  for (
    const line of log.split("\n").filter((l) =>
      /NotCapable|PermissionDenied|Requires write access|KvLimitError/.test(l)
    )
  ) problems.push(`Server log: ${line.trim()}`);
  console.log(
    `deploy:check: ${modules} server modules scanned, ${requests} requests made without write permission on strict in-memory KV`,
  );
}
if (problems.length > 0) {
  console.error("deploy:check failed:");
  for (const p of problems) console.error(`- ${p}`);
  Deno.exit(1);
}
console.log("deploy:check passed");
