import {
  deepStrictEqual as assertEquals,
  ok as assert,
  rejects,
  throws,
} from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeAuthAnswer,
  encodeAuthStatus,
  encodeChallengeReply,
  encodeChallengeRequest,
  encryptChallenge,
  expectAuthenticated,
  expectChallenge,
  parseAuthCommand,
  parseAuthKey,
  parseAuthReply,
  verifyAuthAnswer,
} from "../../lib/protocol/auth.ts";
import { AuthError, ProtocolError } from "../../lib/protocol/errors.ts";

// §30.1: Gadgetbridge's historical default secret (not a real band key) and the
// challenge from the Mi Fit capture in Gadgetbridge issue #1536.
const KEY_TEXT = "30313233343536373839404142434445";
const KEY = hex("30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45");
const R = hex("57 3a 0e 2f ab 36 46 4e e2 72 f3 51 7c 4c 3c a7");
const E = hex("0a d7 6d 09 35 a2 cd f8 14 5c e1 b5 e3 77 21 d1");

Deno.test("parseAuthKey() accepts 32 hex digits with or without 0x, any case, spaces", () => {
  assertEquals(parseAuthKey(KEY_TEXT), KEY);
  assertEquals(parseAuthKey(`0x${KEY_TEXT}`), KEY);
  assertEquals(parseAuthKey(`  0X${KEY_TEXT.toUpperCase()}\n`), KEY);
  assertEquals(parseAuthKey("000102030405060708090A0b0c0d0e0f")[15], 0x0f);
});

Deno.test("parseAuthKey() says what is wrong without echoing the key", () => {
  const cases: [string, RegExp][] = [
    [KEY_TEXT.slice(0, 30), /expected 32 hex digits .* got 30 characters/],
    [`${KEY_TEXT}00`, /got 34 characters/],
    [`${KEY_TEXT.slice(0, 31)}g`, /character 32 is not a hex digit/],
    ["0x 3031323334353637383940414243444", /character 1 is not a hex digit/],
    ["", /got 0 characters/],
  ];
  for (const [input, message] of cases) {
    throws(() => parseAuthKey(input), (e: Error) => {
      assert(e instanceof RangeError);
      assert(message.test(e.message), e.message);
      assert(
        !e.message.includes(KEY_TEXT.slice(0, 8)),
        "message must not contain the key",
      );
      return true;
    });
  }
});

Deno.test("encryptChallenge() matches the openssl AES-ECB vectors (§30.1, FIPS-197 C.1)", async () => {
  assertEquals(await encryptChallenge(KEY, R), E);
  assertEquals(
    toHex(
      await encryptChallenge(
        hex("000102030405060708090a0b0c0d0e0f"),
        hex("00112233445566778899aabbccddeeff"),
      ),
    ),
    "69 c4 e0 d8 6a 7b 04 30 d8 cd b7 80 70 b4 c5 5a",
  );
  await rejects(() => encryptChallenge(KEY.subarray(1), R), RangeError);
});

Deno.test("verifyAuthAnswer() accepts the right answer and refuses others", async () => {
  assertEquals(await verifyAuthAnswer(KEY, R, E), true);
  const wrong = E.slice();
  wrong[15] ^= 1;
  assertEquals(await verifyAuthAnswer(KEY, R, wrong), false);
  assertEquals(await verifyAuthAnswer(KEY, R, E.subarray(1)), false);
});

Deno.test("encodeChallengeRequest() and encodeAuthAnswer() write Flow A and Flow B (§30.1)", () => {
  assertEquals(toHex(encodeChallengeRequest()), "02 00");
  assertEquals(toHex(encodeChallengeRequest({ flow: "b" })), "82 00 02 01 00");
  assertEquals(
    toHex(encodeAuthAnswer(E)),
    "03 00 0a d7 6d 09 35 a2 cd f8 14 5c e1 b5 e3 77 21 d1",
  );
  assertEquals(
    toHex(encodeAuthAnswer(E, { flow: "b" })),
    "83 00 0a d7 6d 09 35 a2 cd f8 14 5c e1 b5 e3 77 21 d1",
  );
  throws(() => encodeAuthAnswer(E.subarray(0, 15)), RangeError);
});

Deno.test("parseAuthReply() classifies challenge, success, wrong key and failure for both flows", () => {
  assertEquals(
    parseAuthReply(
      hex("10 02 01 57 3a 0e 2f ab 36 46 4e e2 72 f3 51 7c 4c 3c a7"),
    ),
    {
      kind: "challenge",
      flow: "a",
      challenge: R,
    },
  );
  assertEquals(
    parseAuthReply(
      hex("10 82 01 57 3a 0e 2f ab 36 46 4e e2 72 f3 51 7c 4c 3c a7"),
    ).kind,
    "challenge",
  );
  assertEquals(parseAuthReply(hex("10 03 01")), { kind: "success", flow: "a" });
  assertEquals(parseAuthReply(hex("10 83 01")), { kind: "success", flow: "b" });
  // satcar77/miband4#48: a real band answers 10 03 08 to a wrongly encoded key.
  assertEquals(parseAuthReply(hex("10 03 08")), {
    kind: "wrongKey",
    flow: "a",
    status: 8,
  });
  assertEquals(parseAuthReply(hex("10 83 04")), {
    kind: "failure",
    flow: "b",
    step: "answer",
    status: 4,
  });
  assertEquals(parseAuthReply(hex("10 02 04")), {
    kind: "failure",
    flow: "a",
    step: "challenge",
    status: 4,
  });
  assertEquals(parseAuthReply(hex("10 01 01")), {
    kind: "keyStored",
    flow: "a",
  });
  throws(() => parseAuthReply(hex("10 02 01 57 3a")), RangeError);
  throws(() => parseAuthReply(hex("10 03")), RangeError);
  throws(() => parseAuthReply(hex("11 03 01")), ProtocolError);
  throws(() => parseAuthReply(hex("10 04 01")), ProtocolError);
  throws(() => parseAuthReply(hex("10 13 01")), ProtocolError);
});

Deno.test("expectAuthenticated() throws AuthError on 08 and 04 with the reply in the message", () => {
  expectAuthenticated(hex("10 03 01"));
  throws(() => expectAuthenticated(hex("10 03 08")), (e: Error) => {
    assert(e instanceof AuthError);
    assertEquals(
      e.message,
      "Cannot authenticate band: band rejected the key (reply 10 03 08)",
    );
    assertEquals(e.status, 8);
    return true;
  });
  throws(() => expectAuthenticated(hex("10 83 04")), AuthError);
  throws(
    () =>
      expectAuthenticated(
        hex("10 02 01 57 3a 0e 2f ab 36 46 4e e2 72 f3 51 7c 4c 3c a7"),
      ),
    ProtocolError,
  );
});

Deno.test("expectChallenge() returns R or throws", () => {
  assertEquals(
    expectChallenge(
      hex("10 02 01 57 3a 0e 2f ab 36 46 4e e2 72 f3 51 7c 4c 3c a7"),
    ),
    R,
  );
  throws(() => expectChallenge(hex("10 02 04")), AuthError);
  throws(() => expectChallenge(hex("10 03 01")), ProtocolError);
});

Deno.test("parseAuthCommand() and band-side encoders round-trip the §30.1 exchange", () => {
  assertEquals(parseAuthCommand(hex("02 00")), {
    kind: "requestChallenge",
    flow: "a",
  });
  assertEquals(parseAuthCommand(hex("82 00 02 01 00")), {
    kind: "requestChallenge",
    flow: "b",
  });
  assertEquals(parseAuthCommand(encodeAuthAnswer(E, { flow: "b" })), {
    kind: "answer",
    flow: "b",
    encrypted: E,
  });
  assertEquals(parseAuthCommand(hex("01 00")).kind, "sendKey");
  throws(() => parseAuthCommand(hex("03 00 0a")), RangeError);
  throws(() => parseAuthCommand(hex("05 00")), ProtocolError);
  assertEquals(
    toHex(encodeChallengeReply(R)),
    "10 02 01 57 3a 0e 2f ab 36 46 4e e2 72 f3 51 7c 4c 3c a7",
  );
  assertEquals(
    toHex(encodeChallengeReply(R, { flow: "b" })).slice(0, 8),
    "10 82 01",
  );
  assertEquals(toHex(encodeAuthStatus("answer", 0x08)), "10 03 08");
  assertEquals(
    toHex(encodeAuthStatus("answer", 0x01, { flow: "b" })),
    "10 83 01",
  );
  assertEquals(toHex(encodeAuthStatus("sendKey", 0x04)), "10 01 04");
});
