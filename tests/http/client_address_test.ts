import assert from "node:assert/strict";
import {
  findClientAddress,
  isFromTrustedProxy,
} from "../../lib/http/client_address.ts";
import {
  formatIp,
  isIpInRange,
  parseIp,
  parseIpRange,
} from "../../lib/http/ip_address.ts";

const LOOPBACK = [parseIpRange("127.0.0.0/8"), parseIpRange("::1")];

Deno.test("parseIp() reads IPv4, IPv6, brackets, ports and IPv4-mapped addresses", () => {
  assert.equal(formatIp(parseIp("203.0.113.9")!), "203.0.113.9");
  assert.equal(formatIp(parseIp("203.0.113.9:4431")!), "203.0.113.9");
  assert.equal(formatIp(parseIp("[2001:db8::1]:443")!), "2001:db8:0:0:0:0:0:1");
  assert.equal(formatIp(parseIp("::ffff:127.0.0.1")!), "127.0.0.1");
  assert.equal(formatIp(parseIp("::1")!), "0:0:0:0:0:0:0:1");
  for (const bad of ["", "1.2.3", "1.2.3.256", "evil", "1::2::3", "unknown"]) {
    assert.equal(parseIp(bad), null, bad);
  }
});

Deno.test("isIpInRange() matches prefixes and keeps IPv4 and IPv6 apart", () => {
  assert.equal(
    isIpInRange(parseIp("10.9.8.7")!, parseIpRange("10.0.0.0/8")),
    true,
  );
  assert.equal(
    isIpInRange(parseIp("11.0.0.1")!, parseIpRange("10.0.0.0/8")),
    false,
  );
  assert.equal(
    isIpInRange(parseIp("fd00::5")!, parseIpRange("fd00::/8")),
    true,
  );
  assert.equal(
    isIpInRange(parseIp("::1")!, parseIpRange("127.0.0.0/8")),
    false,
  );
  assert.throws(
    () => parseIpRange("10.0.0.0/33"),
    /Cannot read address range: "10.0.0.0\/33"/,
  );
});

Deno.test("findClientAddress() takes the right-most X-Forwarded-For address outside the trusted proxies", () => {
  const input = {
    socketAddress: "127.0.0.1",
    trustProxy: true,
    trustedProxies: LOOPBACK,
  };
  assert.equal(
    findClientAddress({ ...input, forwardedFor: "6.6.6.6, 198.51.100.4" }),
    "198.51.100.4",
  );
  assert.equal(
    findClientAddress({ ...input, forwardedFor: "198.51.100.4, 127.0.0.1" }),
    "198.51.100.4",
  );
  assert.equal(
    findClientAddress({ ...input, forwardedFor: null }),
    "127.0.0.1",
  );
  assert.equal(
    findClientAddress({ ...input, forwardedFor: "6.6.6.6, garbage" }),
    "unknown",
  );
  assert.equal(
    findClientAddress({ ...input, trustProxy: false, forwardedFor: "6.6.6.6" }),
    "127.0.0.1",
  );
  assert.equal(
    findClientAddress({
      ...input,
      socketAddress: "198.51.100.4",
      forwardedFor: "6.6.6.6",
    }),
    "198.51.100.4",
    "a peer outside the trusted proxies is the client",
  );
  assert.equal(
    isFromTrustedProxy({ ...input, socketAddress: undefined }),
    false,
  );
});
