import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeActivityPackets,
  encodeFetchAck,
  encodeFetchStart,
  encodeFetchStartReply,
  encodeFetchStatus,
  encodeFetchTransfer,
  parseActivityPacket,
  parseFetchCommand,
  parseFetchReply,
} from "../../lib/protocol/activity_fetch.ts";
import { FETCH_DATA_TYPE } from "../../lib/protocol/constants.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

const MIDNIGHT = {
  year: 2024,
  month: 3,
  day: 10,
  hour: 0,
  minute: 0,
  second: 0,
  tzQuarterHours: 4,
};

Deno.test("encodeFetchStart() writes the §30.8 request and the incremental follow-up", () => {
  assertEquals(
    toHex(encodeFetchStart(FETCH_DATA_TYPE.activity, MIDNIGHT)),
    "01 01 e8 07 03 0a 00 00 00 04",
  );
  assertEquals(
    toHex(encodeFetchStart(1, { ...MIDNIGHT, minute: 6 })),
    "01 01 e8 07 03 0a 00 06 00 04",
  );
  assertEquals(
    toHex(encodeFetchStart(FETCH_DATA_TYPE.sportsSummaries, MIDNIGHT)).slice(
      0,
      5,
    ),
    "01 05",
  );
  throws(() => encodeFetchStart(256, MIDNIGHT), RangeError);
  assertEquals([toHex(encodeFetchTransfer()), toHex(encodeFetchAck())], [
    "02",
    "03",
  ]);
});

Deno.test("parseFetchReply() reads count and first stamp of the §30.8 start reply", () => {
  assertEquals(
    parseFetchReply(hex("10 01 01 06 00 00 00 e8 07 03 0a 00 00 00 04")),
    {
      kind: "started",
      count: 6,
      first: MIDNIGHT,
    },
  );
  // Gadgetbridge also accepts a 16th byte 00 (Mi Band 7).
  assertEquals(
    parseFetchReply(hex("10 01 01 06 00 00 00 e8 07 03 0a 00 00 00 04 00"))
      .kind,
    "started",
  );
  assertEquals(
    parseFetchReply(hex("10 01 01 00 00 00 00 e8 07 03 0a 00 00 00 04")).kind,
    "started",
  );
});

Deno.test("parseFetchReply() classifies finish, ack and refusals", () => {
  assertEquals(parseFetchReply(hex("10 02 01")), { kind: "finished" });
  assertEquals(parseFetchReply(hex("10 03 01")), { kind: "acknowledged" });
  // DJ: 10 01 02 = already fetching; SAT/MB4W: 10 02 04 = no more fetch possible.
  assertEquals(parseFetchReply(hex("10 01 02")), {
    kind: "refused",
    command: "start",
    status: "busy",
    code: 2,
  });
  assertEquals(parseFetchReply(hex("10 02 04")), {
    kind: "refused",
    command: "transfer",
    status: "failure",
    code: 4,
  });
  assertEquals(parseFetchReply(hex("10 03 09")), {
    kind: "refused",
    command: "ack",
    status: "unknown",
    code: 9,
  });
});

Deno.test("parseFetchReply() refuses wrong lengths and foreign replies", () => {
  throws(
    () => parseFetchReply(hex("10 01 01 06 00 00 00 e8 07 03 0a 00 00 00")),
    RangeError,
  );
  throws(() => parseFetchReply(hex("10 02 01 00")), RangeError);
  throws(() => parseFetchReply(hex("10 02")), RangeError);
  throws(() => parseFetchReply(hex("10 04 01")), ProtocolError);
  throws(() => parseFetchReply(hex("11 02 01")), ProtocolError);
  throws(
    () => parseFetchReply(hex("10 01 01 06 00 00 00 e8 07 0d 0a 00 00 00 04")),
    ProtocolError,
  );
});

Deno.test("band-side encoders round-trip through the parsers (§30.8)", () => {
  assertEquals(
    toHex(encodeFetchStartReply(6, MIDNIGHT)),
    "10 01 01 06 00 00 00 e8 07 03 0a 00 00 00 04",
  );
  assertEquals(toHex(encodeFetchStatus("transfer", 1)), "10 02 01");
  assertEquals(toHex(encodeFetchStatus("start", 2)), "10 01 02");
  assertEquals(toHex(encodeFetchStatus("ack", 1)), "10 03 01");
  assertEquals(parseFetchCommand(hex("01 01 e8 07 03 0a 00 00 00 04")), {
    kind: "start",
    dataType: 1,
    since: MIDNIGHT,
  });
  assertEquals(parseFetchCommand(hex("02")), { kind: "transfer" });
  assertEquals(parseFetchCommand(hex("03")), { kind: "ack" });
  throws(() => parseFetchCommand(hex("01 01 e8 07")), RangeError);
  throws(() => parseFetchCommand(hex("02 00")), RangeError);
  throws(() => parseFetchCommand(hex("04")), ProtocolError);
  throws(() => encodeFetchStartReply(-1, MIDNIGHT), RangeError);
});

Deno.test("parseActivityPacket() splits by length (§30.8 packets, §11.2 capture)", () => {
  assertEquals(parseActivityPacket(hex("01 01 64 4c 5f 5a 00 00 ff")), {
    sequence: 1,
    samples: [
      { kind: 0x01, intensity: 100, steps: 76, heartRate: 95 },
      { kind: 0x5a, intensity: 0, steps: 0, heartRate: 255 },
    ],
  });
  // Real last packet carrying 2 samples.
  assertEquals(
    parseActivityPacket(hex("87 50 0d 00 ff 50 11 00 ff")).samples.length,
    2,
  );
  assertEquals(parseActivityPacket(hex("05")).samples, []);
  throws(() => parseActivityPacket(hex("00 50 15 00")), RangeError);
  throws(() => parseActivityPacket(new Uint8Array(0)), RangeError);
});

Deno.test("encodeActivityPackets() packs 4 per packet like §30.8 and any size on request", () => {
  const samples = [
    ...parseActivityPacket(
      hex("00 50 15 00 ff 50 16 00 ff 01 40 0f ff 01 50 21 48"),
    ).samples,
    ...parseActivityPacket(hex("01 01 64 4c 5f 5a 00 00 ff")).samples,
  ];
  assertEquals(encodeActivityPackets(samples).map(toHex), [
    "00 50 15 00 ff 50 16 00 ff 01 40 0f ff 01 50 21 48",
    "01 01 64 4c 5f 5a 00 00 ff",
  ]);
  assertEquals(
    encodeActivityPackets(samples, { samplesPerPacket: 6 }).map((p) =>
      p.length
    ),
    [25],
  );
  const many = encodeActivityPackets(Array(257 * 4).fill(samples[0]));
  assertEquals([many[255][0], many[256][0]], [255, 0]);
  throws(
    () => encodeActivityPackets(samples, { samplesPerPacket: 0 }),
    RangeError,
  );
  throws(
    () => encodeActivityPackets([{ ...samples[0], steps: 256 }]),
    RangeError,
  );
});
