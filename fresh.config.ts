import { type IpRange, parseIpRange } from "./lib/http/ip_address.ts";

// Typed app configuration: defaults for self-hosting, each overridable by an
// environment variable so the same code runs locally and on Deno Deploy.

/** Where the app keeps its Deno KV data. */
export type KvLocation =
  | { kind: "file"; path: string }
  | { kind: "memory" }
  | { kind: "remote"; url: string }
  | { kind: "default" };

/** Everything the server reads from its environment. */
export interface AppConfig {
  /** TCP port to listen on (`PORT`). */
  port: number;
  /** Interface to bind (`LISTEN_ADDRESS`); `127.0.0.1` keeps the app on this machine. */
  hostname: string;
  /** KV location (`KV_PATH`: a file path, `:memory:`, an `http(s)://` KV Connect URL, or `deploy`). */
  kv: KvLocation;
  /** Whether cookies get `Secure` (`SECURE_COOKIES`: `auto` = when the request came over https). */
  secureCookies: "auto" | "always" | "never";
  /** Optional TLS certificate and key files (`TLS_CERT_FILE`, `TLS_KEY_FILE`) for https without a proxy. */
  tls?: { certFile: string; keyFile: string };
  /** Whether anyone may create an account without an invitation (`OPEN_SIGNUP`). */
  openSignup: boolean;
  /** Base URL of the Open-Meteo compatible forecast API the server calls (`WEATHER_API_URL`). */
  weatherApiUrl: string;
  /** Base URL of the geocoding API for weather locations (`GEOCODING_API_URL`). */
  geocodingApiUrl: string;
  /** Whether requests come through a reverse proxy whose `X-Forwarded-*` headers are trusted (`TRUST_PROXY`). */
  trustProxy: boolean;
  /** Whether every KV call is checked against hosted KV's limits and refused beyond them (`KV_STRICT_LIMITS`). */
  kvStrictLimits: boolean;
  /** How long a stopping server lets requests in flight finish (`SHUTDOWN_GRACE_SECONDS`, default 25). */
  shutdownGraceMs: number;
  /** Request and error log lines as JSON (default) or human-readable (`LOG_FORMAT=pretty`). */
  logFormat: "json" | "pretty";
  /** Periodic backups from inside the server (`BACKUP_DIR`, `BACKUP_EVERY`, `BACKUP_KEEP`), or none. */
  backups?: { dir: string; everyMs: number; keep: number };
  /** The proxies whose `X-Forwarded-*` headers count (`TRUSTED_PROXIES`, default loopback). */
  trustedProxies: IpRange[];
  /** The origin people reach the app at, e.g. `https://band.example` (`PUBLIC_URL`). */
  publicUrl?: string;
  /** Host names (with port when not the scheme's default) the app answers state-changing requests for (`ALLOWED_HOSTS`). */
  allowedHosts?: string[];
  /** How long a client may take to send its request headers (`HEADERS_TIMEOUT_SECONDS`). */
  headersTimeoutMs: number;
  /** How long a client may take to send a whole request (`REQUEST_TIMEOUT_SECONDS`). */
  requestTimeoutMs: number;
  /** Most simultaneous connections (`MAX_CONNECTIONS`); the default fits the usual open-file limit of 1024. */
  maxConnections: number;
}

/** Reads one environment variable without failing where env access is not granted. */
function readEnv(env: Record<string, string | undefined>, name: string) {
  const value = env[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function parseBoolean(
  name: string,
  value: string | undefined,
  fallback: boolean,
) {
  if (value === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(
    `Cannot read configuration: ${name} must be true or false, got "${value}"`,
  );
}

/** Parses a period such as `24h`, `30m` or `7d` into milliseconds. */
export function parsePeriod(text: string): number {
  const match = /^(\d+)\s*(m|h|d)$/.exec(text.trim());
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 };
  if (match === null || Number(match[1]) === 0) {
    throw new Error(
      `Cannot read configuration: BACKUP_EVERY must look like 30m, 24h or 7d, got "${text}"`,
    );
  }
  return Number(match[1]) * unit[match[2] as keyof typeof unit];
}

function parseSeconds(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
): number {
  const text = readEnv(env, name);
  if (text === undefined) return fallback * 1000;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > 3600) {
    throw new Error(
      `Cannot read configuration: ${name} must be seconds between 0 and 3600, got "${text}"`,
    );
  }
  return Math.round(value * 1000);
}

/** Reads `PUBLIC_URL` as an origin (`https://band.example`), refusing paths and other schemes. */
export function parsePublicUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (
    !url || (url.protocol !== "https:" && url.protocol !== "http:") ||
    url.pathname !== "/" || url.search !== "" || url.username !== ""
  ) {
    throw new Error(
      `Cannot read configuration: PUBLIC_URL must be an origin such as https://band.example, got "${value}"`,
    );
  }
  return url.origin;
}

function parseList(value: string | undefined): string[] | undefined {
  return value?.split(",").map((s) => s.trim()).filter((s) => s !== "");
}

/** Turns a `KV_PATH` value into a KV location. */
export function parseKvLocation(value: string | undefined): KvLocation {
  if (value === undefined) return { kind: "file", path: "data/band-web.kv" };
  if (value === ":memory:") return { kind: "memory" };
  if (value === "deploy") return { kind: "default" };
  if (/^https?:\/\//i.test(value)) return { kind: "remote", url: value };
  return { kind: "file", path: value };
}

/** Builds the configuration from environment variables (defaults suit `deno task start`). */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const portText = readEnv(env, "PORT") ?? "8000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `Cannot read configuration: PORT must be a port number, got "${portText}"`,
    );
  }
  const secure = readEnv(env, "SECURE_COOKIES") ?? "auto";
  if (secure !== "auto" && secure !== "always" && secure !== "never") {
    throw new Error(
      `Cannot read configuration: SECURE_COOKIES must be auto, always or never, got "${secure}"`,
    );
  }
  const certFile = readEnv(env, "TLS_CERT_FILE");
  const keyFile = readEnv(env, "TLS_KEY_FILE");
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new Error(
      "Cannot read configuration: set both TLS_CERT_FILE and TLS_KEY_FILE, or neither",
    );
  }
  const backupDir = readEnv(env, "BACKUP_DIR");
  const backups = backupDir === undefined ? undefined : {
    dir: backupDir,
    everyMs: parsePeriod(readEnv(env, "BACKUP_EVERY") ?? "24h"),
    keep: parseCount("BACKUP_KEEP", readEnv(env, "BACKUP_KEEP") ?? "7"),
  };
  return {
    port,
    hostname: readEnv(env, "LISTEN_ADDRESS") ?? "127.0.0.1",
    kv: parseKvLocation(readEnv(env, "KV_PATH")),
    secureCookies: secure,
    tls: certFile && keyFile ? { certFile, keyFile } : undefined,
    openSignup: parseBoolean("OPEN_SIGNUP", readEnv(env, "OPEN_SIGNUP"), false),
    weatherApiUrl: readEnv(env, "WEATHER_API_URL") ??
      "https://api.open-meteo.com/v1/forecast",
    geocodingApiUrl: readEnv(env, "GEOCODING_API_URL") ??
      "https://geocoding-api.open-meteo.com/v1/search",
    trustProxy: parseBoolean("TRUST_PROXY", readEnv(env, "TRUST_PROXY"), false),
    trustedProxies: (parseList(readEnv(env, "TRUSTED_PROXIES")) ??
      ["127.0.0.0/8", "::1"]).map((entry) => {
        try {
          return parseIpRange(entry);
        } catch (error) {
          throw new Error(
            `Cannot read configuration: TRUSTED_PROXIES must list addresses or ranges: ${
              (error as Error).message
            }`,
          );
        }
      }),
    publicUrl: parsePublicUrl(readEnv(env, "PUBLIC_URL")),
    allowedHosts: parseList(readEnv(env, "ALLOWED_HOSTS"))?.map((host) =>
      host.toLowerCase()
    ),
    headersTimeoutMs: parseSeconds(env, "HEADERS_TIMEOUT_SECONDS", 10),
    requestTimeoutMs: parseSeconds(env, "REQUEST_TIMEOUT_SECONDS", 120),
    maxConnections: parseMaxConnections(readEnv(env, "MAX_CONNECTIONS")),
    kvStrictLimits: parseBoolean(
      "KV_STRICT_LIMITS",
      readEnv(env, "KV_STRICT_LIMITS"),
      false,
    ),
    backups,
    logFormat: parseLogFormat(readEnv(env, "LOG_FORMAT")),
    shutdownGraceMs: parseSeconds(env, "SHUTDOWN_GRACE_SECONDS", 25),
  };
}

/** Default connection cap: the common open-file limit (1024) less room for KV, files and logs. */
export const DEFAULT_MAX_CONNECTIONS = 768;

function parseMaxConnections(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_CONNECTIONS;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `Cannot read configuration: MAX_CONNECTIONS must be a positive whole number, got "${text}"`,
    );
  }
  return value;
}

function parseLogFormat(text: string | undefined): "json" | "pretty" {
  if (text === undefined || text === "json") return "json";
  if (text === "pretty") return "pretty";
  throw new Error(
    `Cannot read configuration: LOG_FORMAT must be json or pretty, got "${text}"`,
  );
}

function parseCount(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(
      `Cannot read configuration: ${name} must be a whole number of at least 1, got "${value}"`,
    );
  }
  return n;
}

/** Reads the process environment, or an empty one where `--allow-env` is missing. */
export function readProcessEnv(): Record<string, string | undefined> {
  try {
    return Deno.env.toObject();
  } catch {
    return {};
  }
}
