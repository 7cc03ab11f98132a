// Who is asking: the socket's peer, or, behind trusted reverse proxies, the
// right-most `X-Forwarded-For` entry that is not one of them. Entries further
// left were written by the client itself and prove nothing, so a client cannot
// move its rate limits by sending its own `X-Forwarded-For`.
import {
  formatIp,
  type IpBytes,
  type IpRange,
  isIpInRange,
  parseIp,
} from "./ip_address.ts";

/** What `findClientAddress` needs. */
export interface ClientAddressInput {
  /** The TCP peer's address, when known. */
  socketAddress?: string;
  /** The request's `X-Forwarded-For` header, if any. */
  forwardedFor?: string | null;
  /** Whether forwarded headers may be believed at all (`TRUST_PROXY`). */
  trustProxy: boolean;
  /** The proxies whose forwarded headers count (`TRUSTED_PROXIES`). */
  trustedProxies: readonly IpRange[];
}

function isTrusted(ip: IpBytes | null, ranges: readonly IpRange[]): boolean {
  return ip !== null && ranges.some((range) => isIpInRange(ip, range));
}

/** Whether the socket's peer is a trusted proxy, so its `X-Forwarded-*` headers count. */
export function isFromTrustedProxy(
  input: Omit<ClientAddressInput, "forwardedFor">,
): boolean {
  return input.trustProxy && input.socketAddress !== undefined &&
    isTrusted(parseIp(input.socketAddress), input.trustedProxies);
}

/**
 * The client's address for rate limits and logs: the socket peer, or with
 * `TRUST_PROXY` and a trusted peer, the right-most forwarded address outside
 * the trusted proxies ("unknown" when that entry is not an address).
 */
export function findClientAddress(input: ClientAddressInput): string {
  const socket = input.socketAddress ?? "unknown";
  const socketIp = parseIp(socket);
  const shown = (ip: IpBytes | null, raw: string) =>
    ip === null ? raw : formatIp(ip);
  if (!isFromTrustedProxy(input)) return shown(socketIp, socket);
  const hops = (input.forwardedFor ?? "").split(",").map((s) => s.trim())
    .filter((s) => s !== "");
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = parseIp(hops[i]);
    if (ip === null) return "unknown";
    if (!isTrusted(ip, input.trustedProxies) || i === 0) return formatIp(ip);
  }
  return shown(socketIp, socket);
}
