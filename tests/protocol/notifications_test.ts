import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  APP_NOTIFICATION_MAX_BYTES,
  encodeAppNotification,
  encodeImmediateAlert,
  encodeIncomingCall,
  encodeMissedCall,
  encodeNewAlert,
  encodeSimpleAlert,
  encodeStopCall,
  parseAppNotification,
  parseImmediateAlert,
  parseNewAlert,
} from "../../lib/protocol/notifications.ts";
import { encodeChunks } from "../../lib/protocol/chunked.ts";
import { CHUNK_TYPE } from "../../lib/protocol/constants.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

// §30.12: Telegram (icon 25) from "Alice", body "Hello from the web", GB Mi Band 4 layout.
const TELEGRAM =
  "fa 00 00 00 00 01 19 41 6c 69 63 65 00 48 65 6c 6c 6f 20 66 72 6f 6d 20 74 68 65 20 77 65 62 00 54 65 6c 65 67 72 61 6d 00";
// §30.12: SMS from "Bob", "See you at 8".
const SMS =
  "05 00 00 00 00 01 42 6f 62 00 53 65 65 20 79 6f 75 20 61 74 20 38 00 20 00";

Deno.test("encodeAppNotification() writes the §30.12 Telegram payload and chunks", () => {
  const payload = encodeAppNotification({
    category: "custom",
    icon: "telegram",
    title: "Alice",
    body: "Hello from the web",
    appName: "Telegram",
  });
  assertEquals(toHex(payload), TELEGRAM);
  assertEquals(encodeChunks(CHUNK_TYPE.notification, payload).map(toHex), [
    "00 00 00 fa 00 00 00 00 01 19 41 6c 69 63 65 00 48 65 6c 6c",
    "00 40 01 6f 20 66 72 6f 6d 20 74 68 65 20 77 65 62 00 54 65",
    "00 80 02 6c 65 67 72 61 6d 00",
  ]);
});

Deno.test("encodeAppNotification() writes the §30.12 SMS payload and chunks", () => {
  const payload = encodeAppNotification({
    category: "sms",
    title: "Bob",
    body: "See you at 8",
  });
  assertEquals(toHex(payload), SMS);
  assertEquals(encodeChunks(CHUNK_TYPE.notification, payload).map(toHex), [
    "00 00 00 05 00 00 00 00 01 42 6f 62 00 53 65 65 20 79 6f 75",
    "00 80 01 20 61 74 20 38 00 20 00",
  ]);
});

Deno.test("parseAppNotification() reads the §30.12 payloads back", () => {
  assertEquals(parseAppNotification(hex(TELEGRAM)), {
    category: "custom",
    icon: "telegram",
    title: "Alice",
    body: "Hello from the web",
    appName: "Telegram",
  });
  assertEquals(parseAppNotification(hex(SMS)), {
    category: "sms",
    title: "Bob",
    body: "See you at 8",
  });
});

Deno.test("encodeAppNotification() writes subject, body and the lone space (§15.3)", () => {
  const mail = encodeAppNotification({
    category: "email",
    title: "Ann",
    subject: "Hi",
    body: "Yo",
  });
  assertEquals(
    toHex(mail),
    "01 00 00 00 00 01 41 6e 6e 00 48 69 0a 0a 59 6f 00 20 00",
  );
  assertEquals(parseAppNotification(mail), {
    category: "email",
    title: "Ann",
    subject: "Hi",
    body: "Yo",
  });
  const bare = encodeAppNotification({ category: "custom", title: "X" });
  assertEquals(toHex(bare), "fa 00 00 00 00 01 0b 58 00 20 00 00");
  assertEquals(parseAppNotification(bare), {
    category: "custom",
    icon: "app",
    title: "X",
    appName: "",
  });
});

Deno.test("encodeAppNotification() caps the message at 230 bytes on a UTF-8 boundary", () => {
  const body = "é".repeat(300); // 2 bytes each; the 512-char limit does not bite, the byte cap does
  const payload = encodeAppNotification({
    category: "custom",
    icon: "whatsapp",
    title: "T",
    body,
    appName: "WA",
  });
  const suffix = "00 57 41 00";
  assertEquals(toHex(payload.subarray(payload.length - 4)), suffix);
  // prefix 7 + "T" 00 = 9 bytes, leaving 221: 110 "é" (220 bytes) fit, the 111th would be split.
  assertEquals(payload.length - 4, APP_NOTIFICATION_MAX_BYTES - 1);
  assertEquals(parseAppNotification(payload).body, "é".repeat(110));
});

Deno.test("encodeAppNotification() truncates title to 32 and body to 512 characters", () => {
  const parsed = parseAppNotification(
    encodeAppNotification({
      category: "sms",
      title: "a".repeat(40),
      body: "b".repeat(600),
    }),
  );
  assertEquals(parsed.title, "a".repeat(32));
  // 230 − 6 prefix − 33 title = 191 body bytes survive the byte cap.
  assertEquals(parsed.body, "b".repeat(191));
});

Deno.test("encodeAppNotification() rejects bad categories, icons and NUL characters", () => {
  throws(
    () => encodeAppNotification({ category: "news" as "sms", title: "x" }),
    RangeError,
  );
  throws(
    () =>
      encodeAppNotification({ category: "sms", icon: "telegram", title: "x" }),
    RangeError,
  );
  throws(
    () =>
      encodeAppNotification({
        category: "custom",
        icon: "nope" as "app",
        title: "x",
      }),
    RangeError,
  );
  throws(
    () => encodeAppNotification({ category: "sms", title: "a\0b" }),
    /title contains a NUL/,
  );
});

Deno.test("parseAppNotification() rejects short, malformed and non-UTF-8 payloads", () => {
  throws(() => parseAppNotification(hex("05 00 00 00 00 01 41")), RangeError);
  throws(
    () => parseAppNotification(hex("05 00 01 00 00 01 41 00 20 00")),
    ProtocolError,
  );
  throws(
    () => parseAppNotification(hex("05 00 00 00 00 01 41 00 20 00 42")),
    ProtocolError,
  );
  throws(
    () => parseAppNotification(hex("05 00 00 00 00 01 ff 00 20 00 00")),
    ProtocolError,
  );
  throws(
    () => parseAppNotification(hex("05 00 00 00 00 01 41 00 20 00 00 00")),
    ProtocolError,
  );
});

Deno.test("New Alert encoders write the §15.1 and §30.12 vectors", () => {
  assertEquals(toHex(encodeIncomingCall("Mom")), "03 01 4d 6f 6d"); // §30.12 (GB, SAT, DJ, MB4G)
  assertEquals(toHex(encodeStopCall()), "03 00"); // §30.12 (GB stopCurrentNotification)
  assertEquals(
    toHex(encodeSimpleAlert("sms", "Bob", "Hi")),
    "05 01 42 6f 62 0a 0a 0a 48 69",
  ); // §30.12 SAT style
  assertEquals(toHex(encodeMissedCall("Bob")), "04 01 42 6f 62"); // §15.1, no trailing 0a (§32.5)
  assertEquals(toHex(encodeSimpleAlert("email", "Mail")), "01 01 4d 61 69 6c");
  assertEquals(
    toHex(
      encodeNewAlert({
        category: "custom",
        count: 1,
        icon: "wechat",
        text: "A",
      }),
    ),
    "fa 01 00 41",
  );
});

Deno.test("parseNewAlert() reads calls, custom icons and unknown categories", () => {
  assertEquals(parseNewAlert(hex("03 01 4d 6f 6d")), {
    category: "incomingCall",
    count: 1,
    text: "Mom",
  });
  assertEquals(parseNewAlert(hex("03 00")), {
    category: "incomingCall",
    count: 0,
    text: "",
  });
  assertEquals(parseNewAlert(hex("fa 01 63 41")), {
    category: "custom",
    count: 1,
    icon: "unknown",
    text: "A",
  });
  assertEquals(parseNewAlert(hex("42 01")), {
    category: "unknown",
    count: 1,
    text: "",
  });
  throws(() => parseNewAlert(hex("03")), RangeError);
  throws(() => parseNewAlert(hex("fa 01")), RangeError);
  throws(() => parseNewAlert(hex("05 01 c3")), ProtocolError);
});

Deno.test("encodeNewAlert() truncates text to 255 bytes and validates input", () => {
  assertEquals(
    encodeNewAlert({ category: "sms", count: 1, text: "x".repeat(300) }).length,
    257,
  );
  throws(() => encodeNewAlert({ category: "sms", count: 256 }), RangeError);
  throws(() => encodeNewAlert({ category: "custom", count: 1 }), RangeError);
  throws(
    () => encodeNewAlert({ category: "sms", count: 1, icon: "app" }),
    RangeError,
  );
  throws(
    () => encodeNewAlert({ category: "bogus" as "sms", count: 1 }),
    RangeError,
  );
});

Deno.test("Immediate Alert levels encode and parse (§15.2, §30.12)", () => {
  assertEquals(toHex(encodeImmediateAlert("vibrate")), "03");
  assertEquals(toHex(encodeImmediateAlert("none")), "00");
  assertEquals(toHex(encodeImmediateAlert("message")), "01");
  assertEquals(toHex(encodeImmediateAlert("phoneCall")), "02");
  assertEquals(parseImmediateAlert(hex("02")), "phoneCall");
  assertEquals(parseImmediateAlert(hex("07")), "unknown");
  throws(() => parseImmediateAlert(hex("03 00")), RangeError);
  throws(() => encodeImmediateAlert("loud" as "none"), RangeError);
});
