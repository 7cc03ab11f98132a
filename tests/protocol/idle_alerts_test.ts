import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeIdleAlerts,
  type IdleAlerts,
  parseIdleAlerts,
} from "../../lib/protocol/idle_alerts.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

// §30.14: idle alerts on, 60 min, 09:00–17:00.
const PLAIN: IdleAlerts = {
  enabled: true,
  thresholdMinutes: 60,
  start: { hour: 9, minute: 0 },
  end: { hour: 17, minute: 0 },
};
// §30.14: idle alerts on, 45 min, 08:00–20:00 with a lunch gap 12:00–13:00.
const WITH_GAP: IdleAlerts = {
  enabled: true,
  thresholdMinutes: 45,
  start: { hour: 8, minute: 0 },
  end: { hour: 20, minute: 0 },
  gap: { start: { hour: 12, minute: 0 }, end: { hour: 13, minute: 0 } },
};

Deno.test("encodeIdleAlerts() writes the §30.14 vectors", () => {
  assertEquals(
    toHex(encodeIdleAlerts(PLAIN)),
    "08 01 3c 00 09 00 11 00 00 00 00 00",
  );
  assertEquals(
    toHex(encodeIdleAlerts(WITH_GAP)),
    "08 01 2d 00 08 00 0c 00 0d 00 14 00",
  );
});

Deno.test("parseIdleAlerts() reads the §30.14 vectors back", () => {
  assertEquals(
    parseIdleAlerts(hex("08 01 3c 00 09 00 11 00 00 00 00 00")),
    PLAIN,
  );
  assertEquals(
    parseIdleAlerts(hex("08 01 2d 00 08 00 0c 00 0d 00 14 00")),
    WITH_GAP,
  );
});

Deno.test("parseIdleAlerts() reads GB's disabled template (§14)", () => {
  assertEquals(parseIdleAlerts(hex("08 00 3c 00 04 00 15 00 00 00 00 00")), {
    enabled: false,
    thresholdMinutes: 60,
    start: { hour: 4, minute: 0 },
    end: { hour: 21, minute: 0 },
  });
});

Deno.test("encodeIdleAlerts() rejects bad thresholds, overnight windows and gaps outside the window", () => {
  throws(
    () => encodeIdleAlerts({ ...PLAIN, thresholdMinutes: 0 }),
    /threshold 0 min/,
  );
  throws(
    () => encodeIdleAlerts({ ...PLAIN, thresholdMinutes: 256 }),
    RangeError,
  );
  throws(
    () => encodeIdleAlerts({ ...PLAIN, start: { hour: 25, minute: 0 } }),
    RangeError,
  );
  throws(
    () => encodeIdleAlerts({ ...PLAIN, start: { hour: 18, minute: 0 } }),
    /start must be before end/,
  );
  throws(
    () =>
      encodeIdleAlerts({
        ...WITH_GAP,
        gap: { start: { hour: 7, minute: 0 }, end: { hour: 9, minute: 0 } },
      }),
    /gap/,
  );
  throws(
    () =>
      encodeIdleAlerts({
        ...WITH_GAP,
        gap: { start: { hour: 13, minute: 0 }, end: { hour: 12, minute: 0 } },
      }),
    /gap/,
  );
});

Deno.test("parseIdleAlerts() rejects wrong length, opcode and times", () => {
  throws(
    () => parseIdleAlerts(hex("08 01 3c 00 09 00 11 00 00 00 00")),
    RangeError,
  );
  throws(
    () => parseIdleAlerts(hex("09 01 3c 00 09 00 11 00 00 00 00 00")),
    ProtocolError,
  );
  throws(
    () => parseIdleAlerts(hex("08 01 3c 00 09 3c 11 00 00 00 00 00")),
    ProtocolError,
  );
});
