// The host names the app answers as. A DNS-rebinding page reaches the app under
// its own name, so a state-changing request (and anything on first-run setup)
// for a host the app does not know is refused.
import type { AppConfig } from "../../fresh.config.ts";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The allowed hosts: `ALLOWED_HOSTS` and `PUBLIC_URL`'s host, else the
 * loopback names on the configured port (and bare, as in-process requests
 * send them).
 */
export function listAllowedHosts(config: AppConfig): string[] {
  const hosts = [...(config.allowedHosts ?? [])];
  if (config.publicUrl) hosts.push(new URL(config.publicUrl).host);
  if (hosts.length > 0) return hosts;
  return LOOPBACK_NAMES.flatMap((name) => [name, `${name}:${config.port}`]);
}

function hostOf(entry: string, protocol: string): string | null {
  try {
    return new URL(`${protocol}//${entry}`).host;
  } catch {
    return null;
  }
}

/** Whether a URL's host is one the app answers as (with port 0, any port of a loopback name). */
export function isAllowedHost(url: URL, config: AppConfig): boolean {
  const hosts = listAllowedHosts(config);
  // Port 0 asks the system for a free port, known only once listening.
  const anyPort = config.port === 0 && !config.allowedHosts &&
    !config.publicUrl;
  const wanted = anyPort ? url.hostname : url.host;
  return hosts.some((entry) => hostOf(entry, url.protocol) === wanted);
}

/** Whether a request must come for an allowed host: state-changing requests, and every first-run setup request. */
export function needsAllowedHost(method: string, path: string): boolean {
  return !SAFE_METHODS.has(method) || path === "/setup" ||
    path === "/api/setup";
}
