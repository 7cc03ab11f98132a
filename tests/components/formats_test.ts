import assert from "node:assert/strict";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { createFormats, LocaleContext } from "../../components/formats.ts";
import { formatViewTitle } from "../../components/history/HistoryNav.tsx";
import { DataStatus } from "../../components/history/DataStatus.tsx";
import { pickLocale } from "../../lib/time/locale.ts";

const SYNC = Date.UTC(2026, 10, 30, 6, 52);

Deno.test("pickLocale() keeps English words with the person's region, best q first", () => {
  assert.equal(pickLocale("de-DE,de;q=0.9,en;q=0.8"), "en-DE");
  assert.equal(pickLocale("en-US,en;q=0.9"), "en-US");
  assert.equal(pickLocale("fr"), "en-FR");
  assert.equal(pickLocale("ja;q=0.5, en-AU"), "en-AU");
  assert.equal(pickLocale(""), "en-GB");
  assert.equal(pickLocale(null), "en-GB");
  assert.equal(pickLocale("*"), "en-GB");
  assert.equal(pickLocale("not a tag!!"), "en-GB");
});

Deno.test("createFormats() follows the locale's digits, dates and clock", () => {
  const us = createFormats("en-US", "Europe/Berlin");
  const de = createFormats("en-DE", "Europe/Berlin");
  assert.equal(us.number(21585), "21,585");
  assert.equal(de.number(21585), "21.585");
  assert.equal(us.clock(SYNC), "7:52 AM");
  assert.equal(de.clock(SYNC), "07:52");
  assert.equal(de.dateTime(SYNC), "30 Nov 2026, 07:52");
  assert.equal(us.dateTime(SYNC), "Nov 30, 2026, 7:52 AM");
});

Deno.test("createFormats() writes long gaps in days, not thousands of hours", () => {
  const f = createFormats("en-GB", "UTC");
  assert.equal(f.duration(45), "45 mins");
  assert.equal(f.duration(427), "7 hrs, 7 mins");
  assert.equal(f.duration(120), "2 hrs");
  assert.equal(f.duration(7325 * 60 + 52), "305 days, 5 hrs");
  assert.equal(f.ago(0, 20_000), "just now");
  assert.equal(f.ago(0, 3 * 86_400_000), "3 days ago");
});

Deno.test("history view titles name the period, never an ISO date", () => {
  const f = createFormats("en-GB", "UTC");
  assert.equal(
    formatViewTitle("day", "2026-11-29", f),
    "Sunday, 29 November 2026",
  );
  assert.equal(formatViewTitle("week", "2026-12-02", f), "30 Nov – 6 Dec 2026");
  assert.equal(formatViewTitle("month", "2026-11-29", f), "November 2026");
  assert.equal(formatViewTitle("year", "2026-11-29", f), "2026");
  const us = createFormats("en-US", "UTC");
  assert.equal(
    formatViewTitle("week", "2026-12-02", us),
    "Nov 30 – Dec 6, 2026",
  );
});

Deno.test("components format in the locale the page provides", () => {
  const html = renderToString(
    h(
      LocaleContext.Provider,
      { value: "en-US" },
      h(DataStatus, {
        completeness: {
          recordedMinutes: 100,
          expectedMinutes: 439_652,
          lastSyncAt: SYNC,
        },
        period: "year",
        timeZone: "Europe/Berlin",
        now: SYNC + 60_000,
      }),
    ),
  );
  assert.match(html, /\(305 days, 5 hr missing\)/);
  assert.match(html, /Last synced 1 minute ago, Nov 30, 2026, 7:52 AM\./);
});
