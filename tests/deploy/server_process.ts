// The real server (`main.ts`) as a child process on a free loopback port, with
// its resident memory and open descriptors read from /proc: for the tests and
// the attack report that must see the process, not an in-process app.
import { ROOT } from "../support/test_app.ts";

/** A running `main.ts`. */
export interface ServerProcess {
  pid: number;
  origin: string;
  port: number;
  /** Lines the server printed so far (stdout and stderr). */
  output: string[];
  /** Resident memory in bytes. */
  readRss(): number;
  /** Open file descriptors. */
  countFds(): number;
  /** Whether the process still runs. */
  isAlive(): boolean;
  /** Sends a signal (e.g. SIGTERM for a graceful stop). */
  signal(signal: Deno.Signal): void;
  /** Resolves with the exit code once the process has ended. */
  exitCode(): Promise<number>;
  stop(): Promise<void>;
}

async function collectLines(
  stream: ReadableStream<Uint8Array>,
  lines: string[],
  onLine: (line: string) => void,
) {
  let rest = "";
  const decoder = new TextDecoder();
  for await (const bytes of stream) {
    const text = decoder.decode(bytes, { stream: true });
    const parts = (rest + text).split("\n");
    rest = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      onLine(line);
    }
  }
}

/** Starts `main.ts` on in-memory KV and port 0 (optionally under a lower open-file limit); resolves once it listens. */
export async function startServerProcess(
  env: Record<string, string> = {},
  options: { openFileLimit?: number } = {},
): Promise<ServerProcess> {
  const limit = options.openFileLimit;
  const child = new Deno.Command(limit ? "/bin/sh" : Deno.execPath(), {
    args: [
      ...(limit
        ? ["-c", `ulimit -n ${limit} && exec "$0" "$@"`, Deno.execPath()]
        : []),
      "run",
      "--allow-net",
      "--allow-env",
      "--allow-read",
      "--allow-write",
      "--allow-sys",
      "main.ts",
    ],
    cwd: ROOT,
    env: {
      KV_PATH: ":memory:",
      PORT: "0",
      NO_COLOR: "1",
      ...env,
    },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Cannot start the server: ${output.join("\n")}`)),
      30_000,
    );
    const onLine = (line: string) => {
      const match = /running at https?:\/\/[^:]+:(\d+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    collectLines(child.stdout, output, onLine);
    collectLines(child.stderr, output, onLine);
    child.status.then((status) => {
      clearTimeout(timer);
      reject(
        new Error(
          `Cannot start the server: exited with ${status.code}: ${
            output.join("\n")
          }`,
        ),
      );
    });
  });
  let alive = true;
  const exited = child.status.then((status) => {
    alive = false;
    return status.code;
  });
  return {
    pid: child.pid,
    port,
    origin: `http://127.0.0.1:${port}`,
    output,
    readRss() {
      const status = Deno.readTextFileSync(`/proc/${child.pid}/status`);
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    countFds() {
      return [...Deno.readDirSync(`/proc/${child.pid}/fd`)].length;
    },
    isAlive: () => alive,
    signal(signal) {
      if (alive) child.kill(signal);
    },
    exitCode: () => exited,
    async stop() {
      if (alive) child.kill("SIGTERM");
      await exited;
    },
  };
}
