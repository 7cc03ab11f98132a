import assert from "node:assert/strict";
import {
  addDays,
  daysInRange,
  isValidTimeZone,
  localDay,
  startOfLocalDay,
  utcOffsetMinutes,
} from "../../lib/time/zones.ts";

const HOUR = 3_600_000;

Deno.test("startOfLocalDay() finds midnight on an ordinary Berlin day", () => {
  assert.equal(
    startOfLocalDay("2024-01-15", "Europe/Berlin"),
    Date.UTC(2024, 0, 14, 23),
  );
});

Deno.test("startOfLocalDay() gives Berlin's spring-forward day 23 hours", () => {
  const start = startOfLocalDay("2024-03-31", "Europe/Berlin");
  const next = startOfLocalDay("2024-04-01", "Europe/Berlin");
  assert.equal(start, Date.UTC(2024, 2, 30, 23));
  assert.equal(next - start, 23 * HOUR);
});

Deno.test("startOfLocalDay() gives Berlin's fall-back day 25 hours", () => {
  const start = startOfLocalDay("2024-10-27", "Europe/Berlin");
  const next = startOfLocalDay("2024-10-28", "Europe/Berlin");
  assert.equal(start, Date.UTC(2024, 9, 26, 22));
  assert.equal(next - start, 25 * HOUR);
});

Deno.test("startOfLocalDay() handles New York's DST days", () => {
  const spring = startOfLocalDay("2024-03-10", "America/New_York");
  assert.equal(spring, Date.UTC(2024, 2, 10, 5));
  assert.equal(
    startOfLocalDay("2024-03-11", "America/New_York") - spring,
    23 * HOUR,
  );
  const fall = startOfLocalDay("2024-11-03", "America/New_York");
  assert.equal(fall, Date.UTC(2024, 10, 3, 4));
  assert.equal(
    startOfLocalDay("2024-11-04", "America/New_York") - fall,
    25 * HOUR,
  );
});

Deno.test("startOfLocalDay() handles half-hour zones", () => {
  assert.equal(
    startOfLocalDay("2024-06-01", "Asia/Kolkata"),
    Date.UTC(2024, 4, 31, 18, 30),
  );
  // Adelaide (+10:30 in January, daylight time) and +9:30 in June.
  assert.equal(
    startOfLocalDay("2024-01-10", "Australia/Adelaide"),
    Date.UTC(2024, 0, 9, 13, 30),
  );
  assert.equal(
    startOfLocalDay("2024-06-10", "Australia/Adelaide"),
    Date.UTC(2024, 5, 9, 14, 30),
  );
});

Deno.test("startOfLocalDay() finds the first minute when midnight is skipped", () => {
  // Santiago springs forward from 00:00 to 01:00 on 2024-09-08.
  const start = startOfLocalDay("2024-09-08", "America/Santiago");
  assert.equal(start, Date.UTC(2024, 8, 8, 4));
  assert.equal(localDay(start, "America/Santiago"), "2024-09-08");
  assert.equal(localDay(start - 60_000, "America/Santiago"), "2024-09-07");
});

Deno.test("utcOffsetMinutes() reads offsets either side of a DST change", () => {
  assert.equal(
    utcOffsetMinutes(Date.UTC(2024, 2, 31, 0, 59), "Europe/Berlin"),
    60,
  );
  assert.equal(
    utcOffsetMinutes(Date.UTC(2024, 2, 31, 1, 0), "Europe/Berlin"),
    120,
  );
  assert.equal(
    utcOffsetMinutes(Date.UTC(2024, 10, 3, 5, 59), "America/New_York"),
    -240,
  );
  assert.equal(
    utcOffsetMinutes(Date.UTC(2024, 10, 3, 6, 0), "America/New_York"),
    -300,
  );
  assert.equal(utcOffsetMinutes(Date.UTC(2024, 0, 1), "Asia/Kathmandu"), 345);
  assert.equal(
    utcOffsetMinutes(Date.UTC(2024, 0, 1, 12, 0, 30, 500), "UTC"),
    0,
  );
});

Deno.test("localDay() places an instant in the person's zone, not the server's", () => {
  const instant = Date.UTC(2024, 5, 1, 2, 30);
  assert.equal(localDay(instant, "UTC"), "2024-06-01");
  assert.equal(localDay(instant, "America/New_York"), "2024-05-31");
  assert.equal(
    localDay(Date.UTC(2024, 5, 1, 18, 29), "Asia/Kolkata"),
    "2024-06-01",
  );
  assert.equal(
    localDay(Date.UTC(2024, 5, 1, 18, 30), "Asia/Kolkata"),
    "2024-06-02",
  );
});

Deno.test("addDays() crosses months, leap days and years", () => {
  assert.equal(addDays("2024-02-28", 1), "2024-02-29");
  assert.equal(addDays("2024-02-29", 1), "2024-03-01");
  assert.equal(addDays("2024-12-31", 1), "2025-01-01");
  assert.equal(addDays("2024-03-01", -1), "2024-02-29");
  assert.equal(addDays("2024-03-31", 0), "2024-03-31");
  assert.throws(() => addDays("2024-02-30", 1), RangeError);
  assert.throws(() => addDays("24-1-1", 1), RangeError);
});

Deno.test("daysInRange() lists every day inclusively", () => {
  assert.deepEqual(daysInRange("2024-02-27", "2024-03-02"), [
    "2024-02-27",
    "2024-02-28",
    "2024-02-29",
    "2024-03-01",
    "2024-03-02",
  ]);
  assert.deepEqual(daysInRange("2024-03-02", "2024-03-02"), ["2024-03-02"]);
  assert.deepEqual(daysInRange("2024-03-03", "2024-03-02"), []);
  assert.equal(daysInRange("2024-01-01", "2024-12-31").length, 366);
});

Deno.test("isValidTimeZone() accepts IANA names and rejects others", () => {
  assert.equal(isValidTimeZone("Europe/Berlin"), true);
  assert.equal(isValidTimeZone("Asia/Kathmandu"), true);
  assert.equal(isValidTimeZone("Mars/Olympus"), false);
  assert.equal(isValidTimeZone(""), false);
});
