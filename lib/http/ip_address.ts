// IP addresses and CIDR ranges as bytes, for matching a peer against the
// configured trusted proxies. IPv4-mapped IPv6 (`::ffff:127.0.0.1`) counts as IPv4.

/** A parsed address: 4 bytes for IPv4, 16 for IPv6. */
export type IpBytes = Uint8Array;

/** A range of addresses: a network and a prefix length in bits. */
export interface IpRange {
  network: IpBytes;
  prefix: number;
}

function parseIpv4(text: string): IpBytes | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    if (!/^\d{1,3}$/.test(parts[i]) || Number(parts[i]) > 255) return null;
    bytes[i] = Number(parts[i]);
  }
  return bytes;
}

function parseIpv6(text: string): IpBytes | null {
  let tail: IpBytes | null = null;
  let body = text;
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".")) {
    tail = parseIpv4(text.slice(lastColon + 1));
    if (tail === null) return null;
    body = text.slice(0, lastColon + 1) + "0:0";
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === "" ? [] : half.split(":"));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [
    ...head,
    ...Array(halves.length === 2 ? missing : 0).fill("0"),
    ...rest,
  ];
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    if (!/^[0-9a-f]{1,4}$/i.test(all[i])) return null;
    const value = parseInt(all[i], 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  }
  if (tail) bytes.set(tail, 12);
  return bytes;
}

/** Parses an IPv4 or IPv6 address (brackets, a zone and a port are dropped), or null. */
export function parseIp(text: string): IpBytes | null {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) {
    value = value.slice(0, value.indexOf(":"));
  }
  value = value.replace(/%.*$/, "");
  const bytes = value.includes(":") ? parseIpv6(value) : parseIpv4(value);
  if (bytes?.length === 16 && isIpv4Mapped(bytes)) return bytes.slice(12);
  return bytes;
}

function isIpv4Mapped(bytes: IpBytes): boolean {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

/** Writes an address in its usual text form (IPv6 without zero compression). */
export function formatIp(bytes: IpBytes): string {
  if (bytes.length === 4) return bytes.join(".");
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) {
    groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  }
  return groups.join(":");
}

/** Parses `10.0.0.0/8`, `::1` or `fd00::/8`; throws a `RangeError` naming the bad entry. */
export function parseIpRange(text: string): IpRange {
  const [address, bits, extra] = text.trim().split("/");
  const network = parseIp(address);
  const max = network?.length === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (
    network === null || extra !== undefined || !Number.isInteger(prefix) ||
    prefix < 0 || prefix > max || (bits !== undefined && !/^\d+$/.test(bits))
  ) {
    throw new RangeError(`Cannot read address range: "${text.trim()}"`);
  }
  return { network, prefix };
}

/** Whether an address lies in a range (IPv4 and IPv6 never match each other). */
export function isIpInRange(ip: IpBytes, range: IpRange): boolean {
  if (ip.length !== range.network.length) return false;
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip[i] & mask) !== (range.network[i] & mask)) return false;
  }
  return true;
}
