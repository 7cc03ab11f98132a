import assert from "node:assert/strict";
import {
  formatViewTitle,
  getViewRange,
  isHistoryView,
  listViewDays,
  shiftViewDay,
  todayIn,
} from "../../lib/history/history_view.ts";

Deno.test("getViewRange() covers a Monday-to-Sunday week", () => {
  assert.deepEqual(getViewRange("week", "2024-03-31"), {
    from: "2024-03-25",
    to: "2024-03-31",
  });
  assert.deepEqual(getViewRange("week", "2024-03-25"), {
    from: "2024-03-25",
    to: "2024-03-31",
  });
  assert.deepEqual(getViewRange("week", "2024-12-31"), {
    from: "2024-12-30",
    to: "2025-01-05",
  });
});

Deno.test("getViewRange() covers whole months and years", () => {
  assert.deepEqual(getViewRange("month", "2024-02-10"), {
    from: "2024-02-01",
    to: "2024-02-29",
  });
  assert.deepEqual(getViewRange("month", "2023-02-10"), {
    from: "2023-02-01",
    to: "2023-02-28",
  });
  assert.deepEqual(getViewRange("year", "2024-07-04"), {
    from: "2024-01-01",
    to: "2024-12-31",
  });
  assert.deepEqual(getViewRange("day", "2024-07-04"), {
    from: "2024-07-04",
    to: "2024-07-04",
  });
  assert.equal(listViewDays("year", "2023-05-05").length, 365);
  assert.equal(listViewDays("month", "2024-04-30").length, 30);
});

Deno.test("shiftViewDay() steps by whole views and clamps month ends", () => {
  assert.equal(shiftViewDay("day", "2024-03-01", -1), "2024-02-29");
  assert.equal(shiftViewDay("week", "2024-03-01", 1), "2024-03-08");
  assert.equal(shiftViewDay("month", "2024-01-31", 1), "2024-02-29");
  assert.equal(shiftViewDay("month", "2024-01-15", -1), "2023-12-15");
  assert.equal(shiftViewDay("year", "2024-02-29", 1), "2025-02-28");
});

Deno.test("todayIn() uses the person's zone with a fixed now", () => {
  const now = Date.UTC(2024, 5, 1, 3, 0);
  assert.equal(todayIn("America/Los_Angeles", now), "2024-05-31");
  assert.equal(todayIn("Asia/Tokyo", now), "2024-06-01");
});

Deno.test("formatViewTitle() names each view", () => {
  assert.equal(formatViewTitle("day", "2024-03-31"), "Sunday, March 31, 2024");
  assert.equal(formatViewTitle("week", "2024-03-31"), "Week of 2024-03-25");
  assert.equal(formatViewTitle("month", "2024-03-31"), "March 2024");
  assert.equal(formatViewTitle("year", "2024-03-31"), "2024");
  assert.equal(isHistoryView("month"), true);
  assert.equal(isHistoryView("decade"), false);
  assert.throws(() => getViewRange("day", "2024-13-01"), RangeError);
});
