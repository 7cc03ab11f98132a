// Fuzz for the part-B codecs: random and mutated bytes into every decoder may only return or
// throw RangeError / ProtocolError, and every encoder's output decodes back to its input.
import {
  deepStrictEqual as assertEquals,
  ok as assert,
} from "node:assert/strict";
import fc from "fast-check";
import { hex } from "./hex.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";
import {
  encodeReminder,
  parseReminder,
  type Reminder,
} from "../../lib/protocol/reminders.ts";
import {
  type Alarm,
  encodeAlarm,
  encodeAlarmList,
  parseAlarmCommand,
  parseAlarmList,
  WEEKDAYS,
} from "../../lib/protocol/alarms.ts";
import {
  encodeIdleAlerts,
  parseIdleAlerts,
} from "../../lib/protocol/idle_alerts.ts";
import {
  encodeStepGoal,
  encodeUserProfile,
  encodeWearLocation,
  parseUserSettingCommand,
} from "../../lib/protocol/user_settings.ts";
import {
  type ConfigCommand,
  DATE_FORMATS,
  encodeConfigCommand,
  encodeConfigResponse,
  LANGUAGES,
  parseConfigCommand,
  parseConfigResponse,
} from "../../lib/protocol/general_config.ts";
import {
  encodeCurrentTime,
  parseCurrentTime,
} from "../../lib/protocol/current_time.ts";
import {
  encodeAppNotification,
  encodeNewAlert,
  HUAMI_ICON,
  type HuamiIcon,
  parseAppNotification,
  parseImmediateAlert,
  parseNewAlert,
} from "../../lib/protocol/notifications.ts";
import { encodeMusicState, parseMusicState } from "../../lib/protocol/music.ts";
import {
  encodeWeatherRecord,
  parseWeatherRecord,
  WEATHER_CONDITION,
  type WeatherCondition,
} from "../../lib/protocol/weather.ts";
import {
  DISPLAY_ITEM,
  type DisplayItem,
  encodeDisplayItems,
  parseDisplayItems,
} from "../../lib/protocol/display.ts";

const RUNS = 2000;
const ROUND_TRIP_RUNS = 500;

// Each decoder with valid seeds (§30 vectors) that the mutation arbitrary starts from.
const DECODERS: [string, (bytes: Uint8Array) => unknown, string[]][] = [
  ["parseAlarmCommand", parseAlarmCommand, [
    "02 80 07 1e 1f",
    "02 04 00 00 00",
  ]],
  ["parseAlarmList", parseAlarmList, [
    "10 0d 01 03 17 80 00 02 05 20 01 12 03 04",
  ]],
  ["parseIdleAlerts", parseIdleAlerts, ["08 01 2d 00 08 00 0c 00 0d 00 14 00"]],
  ["parseUserSettingCommand", parseUserSettingCommand, [
    "10 00 00 40 1f 00 00",
    "4f 00 00 c6 07 05 11 00 b4 00 98 3a 78 56 34 12",
  ]],
  ["parseConfigCommand", parseConfigCommand, [
    "06 21 00 01 31 32 33 34 00",
    "06 1e 00 64 64 2e 4d 4d 2e 79 79 79 79",
    "1a 01 16 00 06 1e",
    "09 81 01 00 06 00",
    "06 05 00 01 07 00 17 00",
  ]],
  ["parseConfigResponse", parseConfigResponse, ["10 06 16 00 01", "10 1a 01"]],
  ["parseCurrentTime", parseCurrentTime, ["ea 07 01 1f 17 04 05 06 00 00 ec"]],
  ["parseNewAlert", parseNewAlert, ["03 01 4d 6f 6d", "fa 01 00 41"]],
  ["parseImmediateAlert", parseImmediateAlert, ["03"]],
  ["parseAppNotification", parseAppNotification, [
    "fa 00 00 00 00 01 19 41 6c 69 63 65 00 48 65 6c 6c 6f 00 54 00",
    "05 00 00 00 00 01 42 6f 62 00 53 65 65 00 20 00",
  ]],
  ["parseMusicState", parseMusicState, [
    "1b 01 00 1e 00 41 72 74 69 73 74 00 53 6f 6e 67 00 d7 00",
    "60 00",
  ]],
  ["parseWeatherRecord", parseWeatherRecord, [
    "01 80 87 ec 65 04 03 01 01 0e 05 43 6c 6f 75 64 79 00 08 08 0b 06 52 61 69 6e 00 00 00 10 03 53 75 6e 6e 79 00",
    "04 80 87 ec 65 04 2a 00 00",
    "08 42 65 72 6c 69 6e 00",
  ]],
  ["parseReminder", parseReminder, [
    "0b 00 09 00 00 00 e8 07 03 0b 09 1e 00 44 65 6e 74 69 73 74 00",
    "0b 03 08 00 00 00 00",
  ]],
  ["parseDisplayItems", parseDisplayItems, [
    "1e 00 00 ff 12 01 00 ff 01 02 00 ff 02 03 00 ff 04 04 00 ff 07 05 01 ff 03 06 01 ff 05 07 01 ff 06",
  ]],
];

/** Bytes that are either random or a seed with a few bytes changed, cut or appended. */
function bytesFor(seeds: string[]): fc.Arbitrary<Uint8Array> {
  const mutated = fc.tuple(
    fc.constantFrom(...seeds.map(hex)),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
      maxLength: 4,
    }),
    fc.integer({ min: -3, max: 3 }),
  ).map(([seed, edits, resize]) => {
    const out = new Uint8Array(Math.max(0, seed.length + resize));
    out.set(seed.subarray(0, out.length));
    for (const [at, value] of edits) {
      if (out.length > 0) out[at % out.length] = value;
    }
    return out;
  });
  return fc.oneof(fc.uint8Array({ maxLength: 64 }), mutated);
}

for (const [name, decode, seeds] of DECODERS) {
  Deno.test(`${name}() only returns or throws RangeError/ProtocolError on random and mutated bytes`, () => {
    fc.assert(
      fc.property(bytesFor(seeds), (bytes) => {
        try {
          decode(bytes);
        } catch (error) {
          assert(
            error instanceof RangeError || error instanceof ProtocolError,
            `${name} threw ${error}`,
          );
        }
      }),
      { numRuns: RUNS },
    );
  });
}

// fc.record builds null-prototype objects; a structured clone makes them plain for deep equality.
const same = (actual: unknown, expected: unknown) =>
  assertEquals(actual, structuredClone(expected));
const time = fc.record({
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
});
const minutes = (t: { hour: number; minute: number }) => t.hour * 60 + t.minute;
const text = (maxLength: number) =>
  fc.string({ unit: "grapheme-ascii", maxLength }).map((s) =>
    s.replaceAll("\0", "")
  );

Deno.test("alarms round-trip through encodeAlarm() and parseAlarmCommand()", () => {
  const alarm = fc.record({
    slot: fc.integer({ min: 0, max: 9 }),
    time,
    days: fc.subarray([...WEEKDAYS]),
    enabled: fc.boolean(),
    snooze: fc.boolean(),
  }).map((a): Alarm => ({ ...a, snooze: a.enabled ? a.snooze : true }));
  fc.assert(
    fc.property(alarm, (a) =>
      same(parseAlarmCommand(encodeAlarm(a)), {
        kind: "set",
        alarm: a,
      })),
    { numRuns: ROUND_TRIP_RUNS },
  );
  const statuses = fc.array(
    fc.record({ slot: fc.integer({ min: 0, max: 15 }), enabled: fc.boolean() }),
    { maxLength: 16 },
  );
  fc.assert(
    fc.property(
      statuses,
      (s) => same(parseAlarmList(encodeAlarmList(s)), s),
    ),
    { numRuns: ROUND_TRIP_RUNS },
  );
});

Deno.test("idle alerts round-trip through encodeIdleAlerts() and parseIdleAlerts()", () => {
  const points = fc.uniqueArray(fc.integer({ min: 0, max: 1439 }), {
    minLength: 4,
    maxLength: 4,
  }).map((a) => a.sort((x, y) => x - y));
  const at = (m: number) => ({ hour: Math.floor(m / 60), minute: m % 60 });
  const settings = fc.tuple(
    fc.boolean(),
    fc.integer({ min: 1, max: 255 }),
    points,
    fc.boolean(),
  ).map(([enabled, thresholdMinutes, [a, b, c, d], gap]) =>
    gap
      ? {
        enabled,
        thresholdMinutes,
        start: at(a),
        end: at(d),
        gap: { start: at(b), end: at(c) },
      }
      : { enabled, thresholdMinutes, start: at(a), end: at(d) }
  );
  fc.assert(
    fc.property(
      settings,
      (s) => same(parseIdleAlerts(encodeIdleAlerts(s)), s),
    ),
    { numRuns: ROUND_TRIP_RUNS },
  );
});

Deno.test("user settings round-trip through their encoders and parseUserSettingCommand()", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 65535 }),
      (steps) =>
        same(parseUserSettingCommand(encodeStepGoal(steps)), {
          kind: "step_goal",
          steps,
        }),
    ),
    { numRuns: ROUND_TRIP_RUNS },
  );
  for (const wrist of ["left", "right"] as const) {
    same(parseUserSettingCommand(encodeWearLocation(wrist)), {
      kind: "wear_location",
      wrist,
    });
  }
  const profile = fc.record({
    birthYear: fc.integer({ min: 1900, max: 2100 }),
    birthMonth: fc.integer({ min: 1, max: 12 }),
    birthDay: fc.integer({ min: 1, max: 31 }),
    sex: fc.constantFrom("male", "female", "other" as const),
    heightCm: fc.integer({ min: 1, max: 300 }),
    weightKg: fc.integer({ min: 1, max: 327 * 200 }).map((raw) => raw / 200),
    userId: fc.integer({ min: 0, max: 0xffffffff }),
  });
  fc.assert(
    fc.property(
      profile,
      (p) =>
        same(parseUserSettingCommand(encodeUserProfile(p)), {
          kind: "user_profile",
          profile: p,
        }),
    ),
    { numRuns: ROUND_TRIP_RUNS },
  );
});

Deno.test("configuration commands round-trip through encodeConfigCommand() and parseConfigCommand()", () => {
  const period = fc.tuple(time, time).filter(([s, e]) =>
    minutes(s) !== minutes(e)
  ).map(([start, end]) => ({ mode: "scheduled" as const, start, end }));
  const command: fc.Arbitrary<ConfigCommand> = fc.oneof(
    fc.record({
      kind: fc.constantFrom(
        "bt_advertising",
        "goal_notification",
        "rotate_wrist",
        "swipe_unlock",
        "silent_mode",
        "expose_heart_rate",
        "heart_rate_during_activity" as const,
      ),
      enabled: fc.boolean(),
    }),
    fc.constantFrom<ConfigCommand>(
      { kind: "time_format", value: "12h" },
      { kind: "units", value: "imperial" },
      { kind: "lift_wrist_sensitivity", value: "normal" },
      { kind: "date_display", value: "date_time" },
      { kind: "factory_reset" },
      { kind: "request_gps_version" },
    ),
    fc.record({
      kind: fc.constant("lift_wrist" as const),
      schedule: fc.oneof(
        fc.constant({ mode: "off" as const }),
        fc.constant({ mode: "on" as const }),
        period,
      ),
    }),
    fc.record({
      kind: fc.constant("disconnect_reminder" as const),
      schedule: fc.oneof(
        fc.constant({ mode: "off" as const }),
        fc.constant({ mode: "on" as const }),
        period,
      ),
    }),
    fc.record({
      kind: fc.constant("night_mode" as const),
      schedule: fc.oneof(
        fc.constant({ mode: "off" as const }),
        fc.constant({ mode: "sunset" as const }),
        period,
      ),
    }),
    fc.record({
      kind: fc.constant("do_not_disturb" as const),
      schedule: fc.oneof(
        fc.constant({ mode: "off" as const }),
        fc.constant({ mode: "automatic" as const }),
        period,
      ),
      wakeOnLift: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant("caller_id" as const),
      enabled: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant("find_phone_ack" as const),
      state: fc.constantFrom("ringing", "stopped" as const),
    }),
    fc.record({
      kind: fc.constant("language" as const),
      value: fc.constantFrom(...LANGUAGES),
    }),
    fc.record({
      kind: fc.constant("date_format" as const),
      value: fc.constantFrom(...DATE_FORMATS),
    }),
    fc.record({
      kind: fc.constant("heart_rate_alert" as const),
      enabled: fc.boolean(),
      bpm: fc.integer({ min: 1, max: 255 }),
    }),
    fc.record({
      kind: fc.constant("band_lock" as const),
      enabled: fc.boolean(),
      pin: fc.array(fc.constantFrom("1", "2", "3", "4"), {
        minLength: 4,
        maxLength: 4,
      }).map((d) => d.join("")),
    }),
  );
  fc.assert(
    fc.property(command, (c) => {
      const bytes = encodeConfigCommand(c);
      same(parseConfigCommand(bytes), c);
      same(
        parseConfigResponse(encodeConfigResponse(bytes)).status,
        "success",
      );
    }),
    { numRuns: ROUND_TRIP_RUNS },
  );
});

Deno.test("current time round-trips through encodeCurrentTime() and parseCurrentTime()", () => {
  const instant = fc.integer({
    min: Date.UTC(2000, 0, 1),
    max: Date.UTC(2099, 11, 31),
  }).map((ms) => Math.floor(ms / 1000) * 1000);
  const offset = fc.integer({ min: -48, max: 56 }).map((q) => q * 15);
  fc.assert(
    fc.property(instant, offset, (ms, off) => {
      const parsed = parseCurrentTime(encodeCurrentTime(ms, off));
      same([parsed.epochMs, parsed.tzQuarterHours * 15], [ms, off]);
      same(
        parsed.dayOfWeek,
        ((new Date(ms + off * 60_000).getUTCDay() + 6) % 7) + 1,
      );
    }),
    { numRuns: ROUND_TRIP_RUNS },
  );
});

Deno.test("notifications round-trip through their encoders and parsers", () => {
  const icon = fc.constantFrom(...Object.keys(HUAMI_ICON) as HuamiIcon[]);
  fc.assert(
    fc.property(
      fc.constantFrom("sms", "email", "incomingCall", "missedCall" as const),
      fc.integer({ min: 0, max: 255 }),
      text(40),
      (category, count, t) =>
        same(
          parseNewAlert(encodeNewAlert({ category, count, text: t })),
          { category, count, text: t },
        ),
    ),
    { numRuns: ROUND_TRIP_RUNS },
  );
  const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ]{0,19}$/);
  fc.assert(
    fc.property(
      icon,
      word,
      fc.option(word, { nil: undefined }),
      fc.option(word, { nil: undefined }),
      word,
      (i, title, subject, body, appName) => {
        const input = {
          category: "custom" as const,
          icon: i,
          title,
          appName,
          ...(subject === undefined ? {} : { subject }),
          ...(body === undefined ? {} : { body }),
        };
        same(parseAppNotification(encodeAppNotification(input)), input);
      },
    ),
    { numRuns: ROUND_TRIP_RUNS },
  );
});

Deno.test("music state round-trips through encodeMusicState() and parseMusicState()", () => {
  const state = fc.record({
    playback: fc.record({
      playing: fc.boolean(),
      positionSeconds: fc.integer({ min: 0, max: 65535 }),
    }),
    artist: text(80),
    album: text(80),
    track: text(80),
    durationSeconds: fc.integer({ min: 0, max: 65535 }),
    volume: fc.integer({ min: 0, max: 100 }),
    nothingPlaying: fc.constant(true),
  }, { requiredKeys: [] }).filter((s) => Object.keys(s).length > 0);
  fc.assert(
    fc.property(
      state,
      (s) => same(parseMusicState(encodeMusicState(s)), s),
    ),
    { numRuns: ROUND_TRIP_RUNS },
  );
});

Deno.test("weather records round-trip through encodeWeatherRecord() and parseWeatherRecord()", () => {
  const condition = fc.constantFrom(
    ...Object.keys(WEATHER_CONDITION) as WeatherCondition[],
  );
  const stamp = {
    epochMs: fc.integer({ min: 0, max: 0xffffffff }).map((s) => s * 1000),
    utcOffsetMinutes: fc.integer({ min: -48, max: 56 }).map((q) => q * 15),
  };
  const temp = fc.integer({ min: -128, max: 127 });
  const day = fc.record({
    day: condition,
    night: condition,
    max: temp,
    min: temp,
    text: text(20),
  }).map((d) => ({
    ...d,
    max: Math.max(d.max, d.min),
    min: Math.min(d.max, d.min),
  }));
  const record = fc.oneof(
    fc.record({
      kind: fc.constant("current" as const),
      ...stamp,
      condition,
      temperature: temp,
      text: text(20),
    }),
    fc.record({
      kind: fc.constant("air_quality" as const),
      ...stamp,
      aqi: fc.oneof(
        fc.integer({ min: 0, max: 32767 }),
        fc.constant("unknown" as const),
      ),
      text: text(20),
    }),
    fc.record({
      kind: fc.constant("forecast" as const),
      ...stamp,
      days: fc.array(day, { minLength: 1, maxLength: 7 }),
    }),
    fc.record({ kind: fc.constant("location" as const), name: text(30) }),
  );
  fc.assert(
    fc.property(
      record,
      (r) => same(parseWeatherRecord(encodeWeatherRecord(r)), r),
    ),
    { numRuns: ROUND_TRIP_RUNS },
  );
});

Deno.test("display items round-trip through encodeDisplayItems() and parseDisplayItems()", () => {
  const items = fc.shuffledSubarray(Object.keys(DISPLAY_ITEM) as DisplayItem[]);
  fc.assert(
    fc.property(
      items,
      (shown) =>
        same(parseDisplayItems(encodeDisplayItems(shown)).shown, shown),
    ),
    { numRuns: ROUND_TRIP_RUNS },
  );
});

Deno.test("reminders round-trip through encodeReminder() and parseReminder()", () => {
  const minute = fc.integer({
    min: Date.UTC(2000, 0, 1),
    max: Date.UTC(2099, 0, 1),
  }).map((ms) => {
    const d = new Date(Math.floor(ms / 60_000) * 60_000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: 0,
    };
  });
  const repeat = fc.oneof(
    fc.constantFrom({ kind: "once" as const }, { kind: "monthly" as const }, {
      kind: "yearly" as const,
    }),
    fc.record({
      kind: fc.constant("weekly" as const),
      days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
    }),
  );
  const reminder = fc.record({
    slot: fc.integer({ min: 0, max: 21 }),
    enabled: fc.boolean(),
    start: minute,
    end: minute,
    repeat,
    text: text(16),
  }, { requiredKeys: ["slot", "enabled", "start", "repeat", "text"] });
  fc.assert(
    fc.property(
      reminder,
      (r: Reminder) =>
        same(parseReminder(encodeReminder(r)), { kind: "set", reminder: r }),
    ),
    { numRuns: ROUND_TRIP_RUNS },
  );
});
