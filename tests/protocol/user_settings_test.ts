import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeGoalNotification,
  encodeStepGoal,
  encodeUserProfile,
  encodeWearLocation,
  parseUserSettingCommand,
  type UserProfile,
} from "../../lib/protocol/user_settings.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

// §30.14: profile 1990-05-17, male, 180 cm, 75 kg (×200), id 0x12345678.
const PROFILE: UserProfile = {
  birthYear: 1990,
  birthMonth: 5,
  birthDay: 17,
  sex: "male",
  heightCm: 180,
  weightKg: 75,
  userId: 0x12345678,
};

Deno.test("encodeStepGoal() writes 8000 steps as in §17 and §30.14", () => {
  assertEquals(toHex(encodeStepGoal(8000)), "10 00 00 40 1f 00 00");
});

Deno.test("encodeWearLocation() writes left 02 and right 82 (§17, §30.14)", () => {
  assertEquals(toHex(encodeWearLocation("left")), "20 00 00 02");
  assertEquals(toHex(encodeWearLocation("right")), "20 00 00 82");
});

Deno.test("encodeUserProfile() writes the §30.14 profile", () => {
  assertEquals(
    toHex(encodeUserProfile(PROFILE)),
    "4f 00 00 c6 07 05 11 00 b4 00 98 3a 78 56 34 12",
  );
});

Deno.test("encodeGoalNotification() writes 06 06 00 EE on 0x0003 (§17, §30.14)", () => {
  assertEquals(toHex(encodeGoalNotification(true)), "06 06 00 01");
  assertEquals(toHex(encodeGoalNotification(false)), "06 06 00 00");
});

Deno.test("parseUserSettingCommand() reads every §30.14 0x0008 vector back", () => {
  assertEquals(parseUserSettingCommand(hex("10 00 00 40 1f 00 00")), {
    kind: "step_goal",
    steps: 8000,
  });
  assertEquals(parseUserSettingCommand(hex("20 00 00 82")), {
    kind: "wear_location",
    wrist: "right",
  });
  assertEquals(parseUserSettingCommand(hex("20 00 00 02")), {
    kind: "wear_location",
    wrist: "left",
  });
  assertEquals(
    parseUserSettingCommand(
      hex("4f 00 00 c6 07 05 11 00 b4 00 98 3a 78 56 34 12"),
    ),
    {
      kind: "user_profile",
      profile: PROFILE,
    },
  );
});

Deno.test("parseUserSettingCommand() maps unknown wrist and sex bytes to unknown", () => {
  assertEquals(parseUserSettingCommand(hex("20 00 00 05")), {
    kind: "wear_location",
    wrist: "unknown",
  });
  const parsed = parseUserSettingCommand(
    hex("4f 00 00 c6 07 05 11 07 b4 00 98 3a 78 56 34 12"),
  );
  assertEquals(parsed.kind === "user_profile" && parsed.profile.sex, "unknown");
});

Deno.test("encoders reject a negative or oversized goal and an impossible profile", () => {
  throws(() => encodeStepGoal(-1), /-1 is outside 1..65535/);
  throws(() => encodeStepGoal(65536), RangeError);
  throws(() => encodeStepGoal(10.5), RangeError);
  throws(() => encodeWearLocation("middle" as "left"), RangeError);
  throws(
    () => encodeUserProfile({ ...PROFILE, birthMonth: 13 }),
    /birth month 13/,
  );
  throws(() => encodeUserProfile({ ...PROFILE, heightCm: 0 }), RangeError);
  throws(() => encodeUserProfile({ ...PROFILE, weightKg: 400 }), RangeError);
  throws(() => encodeUserProfile({ ...PROFILE, weightKg: -5 }), RangeError);
  throws(
    () => encodeUserProfile({ ...PROFILE, sex: "x" as "male" }),
    RangeError,
  );
  throws(() => encodeUserProfile({ ...PROFILE, userId: 2 ** 32 }), RangeError);
});

Deno.test("parseUserSettingCommand() rejects wrong lengths, padding and commands", () => {
  throws(() => parseUserSettingCommand(hex("10 00 00 40 1f 00")), RangeError);
  throws(() => parseUserSettingCommand(hex("")), RangeError);
  throws(
    () => parseUserSettingCommand(hex("10 01 00 40 1f 00 00")),
    ProtocolError,
  );
  throws(() => parseUserSettingCommand(hex("30 00 00 02")), ProtocolError);
});
