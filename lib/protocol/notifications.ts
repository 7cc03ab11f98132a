// Notifications and calls (§15), three mechanisms:
//   New Alert, SIG 0x2A46 (write with response):  [0] category  [1] count (00 clears)
//       [2] icon id, only when category = fa  [..] UTF-8 text, no terminator
//   Immediate Alert, SIG 0x2A06 (write without response): [0] level 00 none, 01 message, 02 call, 03 vibrate
//   Rich app notification, chunked type 0 on 0x0020 (GB's Mi Band 4 path, §15.3):
//       [0] category fa / 05 / 01  [1..4] 00 00 00 00 (MB4 extra header)  [5] count 01
//       [6] icon id, only when category = fa
//       then  TITLE 00 [SUBJECT 0a 0a] [BODY]  (a single 20 when neither subject nor body)
//       then  fa: 00 APP_NAME 00   others: 00 20 00 ("fake source name")
//   The rich payload is capped at 230 bytes before the suffix, cut on a UTF-8 boundary.

import { ALERT_CATEGORY, ALERT_LEVEL } from "./constants.ts";
import { ProtocolError } from "./errors.ts";

/** Alert category name (§15.4). */
export type AlertCategory = keyof typeof ALERT_CATEGORY;

/** Immediate Alert level (§15.2). */
export type AlertLevel = keyof typeof ALERT_LEVEL;

/** Huami icon ids for category fa, from Gadgetbridge's HuamiIcon (§15.5). */
export const HUAMI_ICON = {
  wechat: 0,
  penguin: 1,
  miChat: 2,
  facebook: 3,
  twitter: 4,
  miApp: 5,
  snapchat: 6,
  whatsapp: 7,
  redWhiteFire: 8,
  chineseApp9: 9,
  alarmClock: 10,
  app: 11,
  instagram: 12,
  blueChat: 13,
  cow: 14,
  chineseApp15: 15,
  chineseApp16: 16,
  star: 17,
  genericApp: 18,
  chineseApp19: 19,
  chineseApp20: 20,
  calendar: 21,
  messenger: 22,
  viber: 23,
  line: 24,
  telegram: 25,
  kakaoTalk: 26,
  skype: 27,
  vkontakte: 28,
  pokemonGo: 29,
  hangouts: 30,
  mi: 31,
  chineseApp32: 32,
  chineseApp33: 33,
  email: 34,
  weather: 35,
  heartRateWarning: 36,
} as const;

/** A named Huami icon. */
export type HuamiIcon = keyof typeof HUAMI_ICON;

/** A New Alert as written to 0x2A46. */
export interface NewAlert {
  /** Alert category. */
  category: AlertCategory;
  /** Number of new alerts; 1 shows, 0 clears (stops an incoming-call screen). */
  count: number;
  /** Icon, required with category "custom" and forbidden otherwise. */
  icon?: HuamiIcon;
  /** Text shown on the band, e.g. the caller's name; truncated to NEW_ALERT_MAX_TEXT_BYTES. */
  text?: string;
}

/** A decoded New Alert; unknown categories and icons read as "unknown". */
export interface ParsedNewAlert {
  /** Alert category. */
  category: AlertCategory | "unknown";
  /** Number of new alerts. */
  count: number;
  /** Icon, present with category "custom". */
  icon?: HuamiIcon | "unknown";
  /** Text, "" when none. */
  text: string;
}

/** A rich app notification sent as chunked type 0. */
export interface AppNotification {
  /** "custom" shows an icon and the app name; "sms" and "email" get the band's own icons. */
  category: "custom" | "sms" | "email";
  /** Icon, used only with category "custom" (GB uses "app" for unknown apps). */
  icon?: HuamiIcon;
  /** Sender or title, up to 32 characters. */
  title: string;
  /** Optional subject, up to 128 characters. */
  subject?: string;
  /** Optional body, up to 512 characters. */
  body?: string;
  /** App name shown with category "custom". */
  appName?: string;
}

/** A decoded rich notification; unknown categories and icons read as "unknown". */
export interface ParsedAppNotification {
  /** Category. */
  category: AppNotification["category"] | "unknown";
  /** Icon, present with category "custom". */
  icon?: HuamiIcon | "unknown";
  /** Sender or title. */
  title: string;
  /** Subject, if one was sent. */
  subject?: string;
  /** Body, if one was sent. */
  body?: string;
  /** App name, present with category "custom". */
  appName?: string;
}

/** Longest New Alert text in bytes (Gadgetbridge truncates to 255). */
const NEW_ALERT_MAX_TEXT_BYTES = 255;

/** Cap of a rich notification's prefix plus message, before the suffix (GB notificationMaxLength). */
export const APP_NOTIFICATION_MAX_BYTES = 230;

/**
 * Separator between title and body in a simple New Alert.
 *
 * [CONFLICT] §15.1: SAT and DJ put three newlines between title and body, MB4G a 00. We follow SAT
 * (matched by the §30.12 vector); calls carry only the name, never trailing newlines (§32.5).
 */
const NEW_ALERT_TITLE_SEPARATOR = "\n\n\n";

const RICH_CATEGORIES = {
  custom: ALERT_CATEGORY.custom,
  sms: ALERT_CATEGORY.sms,
  email: ALERT_CATEGORY.email,
};
const EXTRA_HEADER_LENGTH = 4;
const LIMITS = { title: 32, subject: 128, body: 512 };
const UTF8 = new TextEncoder();
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Encodes a New Alert for 0x2A46. */
export function encodeNewAlert(alert: NewAlert): Uint8Array {
  const category = ALERT_CATEGORY[alert.category];
  if (category === undefined) {
    throw new RangeError(
      `Cannot encode alert: category ${alert.category} is unknown`,
    );
  }
  if (!Number.isInteger(alert.count) || alert.count < 0 || alert.count > 0xff) {
    throw new RangeError(
      `Cannot encode alert: count ${alert.count} is outside 0..255`,
    );
  }
  const head = [category, alert.count];
  if (alert.category === "custom") head.push(iconId(alert.icon));
  else if (alert.icon !== undefined) {
    throw new RangeError("Cannot encode alert: an icon needs category custom");
  }
  const text = truncateUtf8(
    UTF8.encode(alert.text ?? ""),
    NEW_ALERT_MAX_TEXT_BYTES,
  );
  return concat([Uint8Array.from(head), text]);
}

/** Encodes `03 01 NAME` for 0x2A46: the incoming-call screen with the caller's name. */
export function encodeIncomingCall(caller: string): Uint8Array {
  return encodeNewAlert({ category: "incomingCall", count: 1, text: caller });
}

/** Encodes `03 00` for 0x2A46: close the incoming-call screen (answered or ended elsewhere). */
export function encodeStopCall(): Uint8Array {
  return encodeNewAlert({ category: "incomingCall", count: 0 });
}

/** Encodes `04 01 NAME` for 0x2A46: a missed call. */
export function encodeMissedCall(caller: string): Uint8Array {
  return encodeNewAlert({ category: "missedCall", count: 1, text: caller });
}

/** Encodes a simple text alert for 0x2A46: title, then the separator and body when there is one. */
export function encodeSimpleAlert(
  category: AlertCategory,
  title: string,
  body?: string,
): Uint8Array {
  const text = body === undefined || body === ""
    ? title
    : title + NEW_ALERT_TITLE_SEPARATOR + body;
  return encodeNewAlert({ category, count: 1, text });
}

/** Parses a New Alert as the band receives it on 0x2A46. */
export function parseNewAlert(bytes: Uint8Array): ParsedNewAlert {
  if (bytes.length < 2) {
    throw new RangeError(
      `Cannot parse alert: expected at least 2 bytes, got ${bytes.length}`,
    );
  }
  const category = categoryName(bytes[0]);
  if (category !== "custom") {
    return {
      category,
      count: bytes[1],
      text: decodeText(bytes.subarray(2), bytes),
    };
  }
  if (bytes.length < 3) {
    throw new RangeError(
      "Cannot parse alert: custom category without an icon byte",
    );
  }
  return {
    category,
    count: bytes[1],
    icon: iconName(bytes[2]),
    text: decodeText(bytes.subarray(3), bytes),
  };
}

/** Encodes the Immediate Alert byte for 0x2A06. */
export function encodeImmediateAlert(level: AlertLevel): Uint8Array {
  const byte = ALERT_LEVEL[level];
  if (byte === undefined) {
    throw new RangeError(
      `Cannot encode alert level: ${String(level)} is unknown`,
    );
  }
  return Uint8Array.of(byte);
}

/** Parses the Immediate Alert byte written to 0x2A06. */
export function parseImmediateAlert(bytes: Uint8Array): AlertLevel | "unknown" {
  if (bytes.length !== 1) {
    throw new RangeError(
      `Cannot parse alert level: expected 1 byte, got ${bytes.length}`,
    );
  }
  const entry = Object.entries(ALERT_LEVEL).find(([, value]) =>
    value === bytes[0]
  );
  return entry === undefined ? "unknown" : entry[0] as AlertLevel;
}

/** Encodes the chunked type 0 payload of a rich notification (split it with chunked.ts). */
export function encodeAppNotification(
  notification: AppNotification,
): Uint8Array {
  const category = RICH_CATEGORIES[notification.category];
  if (category === undefined) {
    throw new RangeError(
      `Cannot encode notification: category ${notification.category} is not custom, sms or email`,
    );
  }
  const isCustom = notification.category === "custom";
  if (
    !isCustom &&
    (notification.icon !== undefined || notification.appName !== undefined)
  ) {
    throw new RangeError(
      "Cannot encode notification: icon and app name need category custom",
    );
  }
  for (const [field, value] of Object.entries(notification)) {
    if (typeof value === "string" && value.includes("\0")) {
      throw new RangeError(
        `Cannot encode notification: ${field} contains a NUL character`,
      );
    }
  }
  const prefix = [category, ...new Uint8Array(EXTRA_HEADER_LENGTH), 1];
  if (isCustom) prefix.push(iconId(notification.icon ?? "app"));
  const subject = truncateChars(notification.subject ?? "", LIMITS.subject);
  const body = truncateChars(notification.body ?? "", LIMITS.body);
  let content = subject === "" ? "" : `${subject}\n\n`;
  content += body;
  const message = concat([
    UTF8.encode(truncateChars(notification.title, LIMITS.title)),
    Uint8Array.of(0),
    UTF8.encode(content === "" ? " " : content),
  ]);
  const suffix = isCustom
    ? concat([
      Uint8Array.of(0),
      UTF8.encode(notification.appName ?? ""),
      Uint8Array.of(0),
    ])
    : Uint8Array.of(0, 0x20, 0);
  return concat([
    Uint8Array.from(prefix),
    truncateUtf8(message, APP_NOTIFICATION_MAX_BYTES - prefix.length),
    suffix,
  ]);
}

/** Parses a reassembled chunked type 0 payload as the band receives it. */
export function parseAppNotification(
  payload: Uint8Array,
): ParsedAppNotification {
  const prefixLength = 2 + EXTRA_HEADER_LENGTH +
    (payload[0] === ALERT_CATEGORY.custom ? 1 : 0);
  if (payload.length < prefixLength + 3) {
    throw new RangeError(
      `Cannot parse notification: expected at least ${
        prefixLength + 3
      } bytes, got ${payload.length}`,
    );
  }
  const category = richCategoryName(payload[0]);
  const fail = (detail: string): never => {
    throw new ProtocolError(`Cannot parse notification: ${detail}`, {
      opcode: payload[0],
      bytes: payload,
    });
  };
  if (payload.subarray(1, 1 + EXTRA_HEADER_LENGTH).some((b) => b !== 0)) {
    fail("extra header is not 00 00 00 00");
  }
  if (payload[payload.length - 1] !== 0) fail("payload does not end with 00");
  const fields = splitNul(payload.subarray(prefixLength, payload.length - 1));
  if (fields.length !== 3) {
    fail(`expected title, message and source, found ${fields.length} fields`);
  }
  const [title, content, source] = fields.map((f) => decodeText(f, payload));
  const result: ParsedAppNotification = { category, title };
  if (category === "custom") {
    result.icon = iconName(payload[prefixLength - 1]);
    result.appName = source;
  }
  if (content === " ") return result;
  const gap = content.indexOf("\n\n");
  if (gap >= 0) result.subject = content.slice(0, gap);
  const body = gap >= 0 ? content.slice(gap + 2) : content;
  if (body !== "") result.body = body;
  return result;
}

function iconId(icon: HuamiIcon | undefined): number {
  const id = icon === undefined ? undefined : HUAMI_ICON[icon];
  if (id === undefined) {
    throw new RangeError(
      `Cannot encode alert: icon ${String(icon)} is unknown`,
    );
  }
  return id;
}

function iconName(id: number): HuamiIcon | "unknown" {
  const entry = Object.entries(HUAMI_ICON).find(([, value]) => value === id);
  return entry === undefined ? "unknown" : entry[0] as HuamiIcon;
}

function categoryName(byte: number): AlertCategory | "unknown" {
  const entry = Object.entries(ALERT_CATEGORY).find(([, value]) =>
    value === byte
  );
  return entry === undefined ? "unknown" : entry[0] as AlertCategory;
}

function richCategoryName(
  byte: number,
): AppNotification["category"] | "unknown" {
  const entry = Object.entries(RICH_CATEGORIES).find(([, value]) =>
    value === byte
  );
  return entry === undefined
    ? "unknown"
    : entry[0] as AppNotification["category"];
}

function decodeText(bytes: Uint8Array, whole: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch (cause) {
    throw new ProtocolError(
      "Cannot decode alert text: bytes are not valid UTF-8",
      { opcode: whole[0], bytes: whole, cause },
    );
  }
}

function splitNul(bytes: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0) {
      parts.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}

// Cuts by code point so a surrogate pair is never split.
function truncateChars(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join("");
}

// Backs off over UTF-8 continuation bytes (10xxxxxx) so the cut lands on a character boundary.
function truncateUtf8(bytes: Uint8Array, max: number): Uint8Array {
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
