import assert from "node:assert/strict";
import { findSleepSessions } from "../../lib/minute/sleep_sessions.ts";
import { buildMinutes } from "../history/_night_builder.ts";

const BERLIN = { timeZone: "Europe/Berlin" };
const LIGHT = 0x59;
const DEEP = 0x5b;
const AWAKE = 0x01;
const SAME = 0x50;
const NOT_WORN = 0x03;
const WALK = 0x01;

Deno.test("findSleepSessions() reads a normal night that crosses midnight", () => {
  // 2024-01-14 23:00 Berlin (22:00 UTC), 7 h 30 min: light, deep, light.
  const start = Date.UTC(2024, 0, 14, 22, 0);
  const minutes = buildMinutes(Date.UTC(2024, 0, 14, 20, 0), [
    [AWAKE, 120, 0],
    [LIGHT, 90],
    [SAME, 30],
    [DEEP, 120],
    [LIGHT, 210],
    [WALK, 30, 40],
  ]);
  const sessions = findSleepSessions(minutes, BERLIN);
  assert.deepEqual(sessions, [{
    day: "2024-01-15",
    bedtime: start,
    wakeTime: start + 450 * 60_000,
    asleepMinutes: 450,
    lightMinutes: 330,
    deepMinutes: 120,
    awakeMinutes: 0,
    awakenings: 0,
    nap: false,
  }]);
});

Deno.test("findSleepSessions() counts awakenings inside a night", () => {
  const start = Date.UTC(2024, 0, 15, 23, 0);
  const minutes = buildMinutes(start, [
    [LIGHT, 60],
    [AWAKE, 10],
    [DEEP, 60],
    [0x5c, 5],
    [LIGHT, 100],
    [WALK, 20, 30],
    [SAME, 40, 30],
    [LIGHT, 60],
  ]);
  const [session, ...rest] = findSleepSessions(minutes, BERLIN);
  assert.equal(rest.length, 0);
  assert.equal(session.day, "2024-01-16");
  assert.equal(session.awakenings, 3);
  assert.equal(session.asleepMinutes, 280);
  assert.equal(session.lightMinutes, 220);
  assert.equal(session.deepMinutes, 60);
  assert.equal(session.awakeMinutes, 75);
  assert.equal(session.wakeTime - session.bedtime, 355 * 60_000);
});

Deno.test("findSleepSessions() keeps a nap apart from the night before", () => {
  // Night ends 07:00 Berlin, nap 14:00–14:40 Berlin: gap above two hours.
  const minutes = buildMinutes(Date.UTC(2024, 0, 15, 23, 0), [
    [LIGHT, 420],
    [WALK, 420, 5],
    [LIGHT, 40],
    [AWAKE, 60],
  ]);
  const sessions = findSleepSessions(minutes, BERLIN);
  assert.equal(sessions.length, 2);
  assert.equal(sessions[0].nap, false);
  assert.equal(sessions[1].nap, true);
  assert.equal(sessions[1].asleepMinutes, 40);
  assert.equal(sessions[1].bedtime, Date.UTC(2024, 0, 16, 13, 0));
  assert.equal(sessions[1].day, "2024-01-16");
});

Deno.test("findSleepSessions() drops sleep of five minutes or less", () => {
  const minutes = buildMinutes(Date.UTC(2024, 0, 16, 12, 0), [
    [AWAKE, 30],
    [LIGHT, 5],
    [AWAKE, 30],
  ]);
  assert.deepEqual(findSleepSessions(minutes, BERLIN), []);
  const six = buildMinutes(Date.UTC(2024, 0, 16, 12, 0), [[LIGHT, 6]]);
  assert.equal((findSleepSessions(six, BERLIN)).length, 1);
});

Deno.test("findSleepSessions() finds nothing when the band was not worn overnight", () => {
  const minutes = buildMinutes(Date.UTC(2024, 0, 16, 21, 0), [
    [NOT_WORN, 540],
    [SAME, 60],
    [0x06, 30],
  ]);
  assert.deepEqual(findSleepSessions(minutes, BERLIN), []);
});

Deno.test("findSleepSessions() splits when more than two hours pass without sleep", () => {
  const minutes = buildMinutes(Date.UTC(2024, 0, 16, 22, 0), [
    [LIGHT, 60],
    [-1, 121],
    [LIGHT, 60],
    [-1, 120],
    [DEEP, 30],
  ]);
  const sessions = findSleepSessions(minutes, BERLIN);
  assert.deepEqual(
    sessions.map((s) => [s.asleepMinutes, s.awakenings, s.awakeMinutes]),
    [
      [60, 0, 0],
      [90, 0, 120],
    ],
  );
});

Deno.test("findSleepSessions() places a New York night on the day it ends", () => {
  // 2024-11-02 22:30 EDT to 2024-11-03 06:00 EST: 8 h 30 min across the fall-back hour.
  const minutes = buildMinutes(Date.UTC(2024, 10, 3, 2, 30), [[LIGHT, 240], [
    DEEP,
    270,
  ]]);
  const [session] = findSleepSessions(minutes, {
    timeZone: "America/New_York",
  });
  assert.equal(session.day, "2024-11-03");
  assert.equal(session.asleepMinutes, 510);
  assert.equal(session.wakeTime, Date.UTC(2024, 10, 3, 11, 0));
});
