import assert from "node:assert/strict";
import {
  describeStepsGap,
  formatDateTime,
  formatDistance,
  formatDuration,
  formatLanguage,
  formatNumber,
  formatPercent,
  pickLocale,
} from "../../components/cards/format.ts";

function spaced(text: string): string {
  return text.replace(/\s/g, " ");
}

Deno.test("pickLocale() takes the first valid tag of Accept-Language", () => {
  assert.equal(pickLocale("de-DE,de;q=0.9,en;q=0.8"), "de-DE");
  assert.equal(pickLocale("*;q=0.5, fr-CA"), "fr-CA");
  assert.equal(pickLocale("not a tag!!, en-GB"), "en-GB");
  assert.equal(pickLocale(null), "en");
  assert.equal(pickLocale(""), "en");
});

Deno.test("formatNumber() and formatPercent() follow the locale", () => {
  assert.equal(formatNumber(12345, "en-US"), "12,345");
  assert.equal(formatNumber(12345, "de-DE"), "12.345");
  assert.equal(formatPercent(42, "en-US"), "42%");
  // ICU versions differ in which no-break space they put before the sign.
  assert.equal(spaced(formatPercent(42, "fr-FR")), "42 %");
});

Deno.test("formatDistance() and formatDuration() name their units", () => {
  assert.equal(formatDistance(3420, "en-US"), "3.42 km");
  assert.equal(formatDistance(3420, "de-DE"), "3,42 km");
  assert.equal(formatDuration(45, "en-US"), "45 min");
  assert.equal(formatDuration(452, "en-US"), "7 hr 32 min");
  assert.equal(formatDuration(120, "en-US"), "2 hr");
});

Deno.test("formatDateTime() writes the instant in the given zone", () => {
  const instant = Date.UTC(2026, 10, 30, 6, 45);
  assert.equal(
    spaced(formatDateTime(instant, { locale: "en-US", timeZone: "UTC" })),
    "Nov 30, 2026, 6:45 AM",
  );
  assert.equal(
    formatDateTime(instant, { locale: "en-GB", timeZone: "Asia/Kolkata" }),
    "30 Nov 2026, 12:15",
  );
});

Deno.test("formatLanguage() names a band language code for people", () => {
  assert.equal(formatLanguage("en_US", "en"), "English (US)");
  assert.equal(formatLanguage("de_DE", "en"), "German (Germany)");
  assert.equal(formatLanguage("es_ES", "es"), "español (España)");
});

Deno.test("describeStepsGap() explains a live counter ahead of the synced minutes", () => {
  assert.equal(describeStepsGap(1180, 1180, "en-US"), null);
  assert.equal(
    describeStepsGap(1234, 1180, "en-US"),
    "The band counts 1,234 steps; 1,180 are synced so far: the rest arrive at the next sync",
  );
  assert.match(
    describeStepsGap(10, 1180, "en-US") ?? "",
    /^The band counts 10 steps; 1,180 are synced: /,
  );
});
