// Generated band data for the KV limits tests and the scale benchmark: minutes
// as the band sends them, people and bands with every field at its largest.
import type { Band } from "../../lib/db/bands.ts";
import { createBand } from "../../lib/db/bands.ts";
import { createUser } from "../../lib/db/users.ts";
import {
  type BandSettings,
  bandSettingsSchema,
  MAX_GENERAL_SETTINGS,
} from "../../lib/api/band_schemas.ts";
import { ACTIVITY_KIND } from "../../lib/protocol/activity_kinds.ts";

/** Milliseconds in one minute. */
export const MINUTE_MS = 60_000;

/**
 * Raw minutes (4 bytes each) that make the largest stored figures: a 127-minute
 * cycle of 6 minutes of light sleep and 121 minutes of walking with a heart
 * rate, so every day holds the most sleep sessions the rules allow (a session
 * needs more than 5 sleeping minutes and closes after 2 hours awake).
 */
export function buildWorstMinutes(start: number, count: number): Uint8Array {
  const bytes = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) {
    const cycle = Math.floor((start / MINUTE_MS + i) % 127);
    const asleep = cycle < 6;
    bytes[i * 4] = asleep ? ACTIVITY_KIND.lightSleep : ACTIVITY_KIND.activity;
    bytes[i * 4 + 1] = asleep ? 5 : 80 + (i % 50);
    bytes[i * 4 + 2] = asleep ? 0 : 60 + (i % 40);
    bytes[i * 4 + 3] = 55 + (i % 90);
  }
  return bytes;
}

/** Ordinary minutes: a night's sleep, then a day of walking, a heart rate on each. */
export function buildDayMinutes(start: number, count: number): Uint8Array {
  const bytes = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) {
    const minuteOfDay = ((start / MINUTE_MS + i) % 1440 + 1440) % 1440;
    const asleep = minuteOfDay < 7 * 60;
    bytes[i * 4] = asleep
      ? (minuteOfDay % 90 < 30
        ? ACTIVITY_KIND.deepSleep
        : ACTIVITY_KIND.lightSleep)
      : ACTIVITY_KIND.activity;
    bytes[i * 4 + 1] = asleep ? 3 : 40 + (i % 60);
    bytes[i * 4 + 2] = asleep ? 0 : (i % 7) * 9;
    bytes[i * 4 + 3] = asleep ? 52 + (i % 5) : 70 + (i % 40);
  }
  return bytes;
}

// Two-byte characters make V8 store a string at 2 bytes a code unit, the
// largest a length limit in code units allows.
const WIDE = "漢";

/** Band settings with every list full and every string at its longest, as the API accepts them. */
export function buildLargestSettings(): BandSettings {
  const general: Record<string, string> = {};
  for (let i = 0; i < MAX_GENERAL_SETTINGS; i++) {
    general[`${String(i).padStart(2, "0")}${"k".repeat(62)}`] = WIDE.repeat(64);
  }
  return bandSettingsSchema.parse({
    alarms: Array.from({ length: 10 }, (_, index) => ({
      index,
      enabled: true,
      hour: 23,
      minute: 59,
      days: 127,
      smart: true,
    })),
    reminders: Array.from({ length: 22 }, (_, slot) => ({
      slot,
      start: "2026-12-31T23:59",
      repeat: "monthly",
      days: 127,
      text: WIDE.repeat(64),
    })),
    idleAlerts: {
      enabled: true,
      start: "08:00",
      end: "22:00",
      dnd: { start: "12:00", end: "14:00" },
    },
    goal: { steps: 100_000, notify: true },
    display: {
      items: Array.from({ length: 20 }, () => WIDE.repeat(32)),
      shortcuts: Array.from({ length: 4 }, () => WIDE.repeat(32)),
    },
    general,
    weatherLocation: {
      name: WIDE.repeat(100),
      latitude: -89.123456789,
      longitude: 179.123456789,
    },
  });
}

/** Creates a person (no password) and returns their id. */
export async function addPerson(
  kv: Deno.Kv,
  id: string,
  timeZone: string,
): Promise<string> {
  const res = await createUser(kv, {
    id,
    username: id,
    passwordHash: "x",
    role: "member",
    timeZone,
    createdAt: 0,
  });
  if (!res.ok) throw new Error(`Cannot create person ${id}: ${res.reason}`);
  return id;
}

/** Creates a band for a person; `largest` fills every field and setting to its maximum. */
export async function addBandFor(
  kv: Deno.Kv,
  userId: string,
  index: number,
  options: { largest?: boolean } = {},
): Promise<Band> {
  const mac = `C8:0F:${
    [index >> 16, (index >> 8) & 255, index & 255].map((n) =>
      n.toString(16).padStart(2, "0").toUpperCase()
    ).join(":")
  }:AA`;
  const band: Band = {
    id: `${userId}-band-${index}`,
    userId,
    name: options.largest ? WIDE.repeat(60) : `Band ${index}`,
    mac,
    authKey: "8f1e2d3c4b5a69788796a5b4c3d2e1f0",
    model: options.largest ? WIDE.repeat(40) : "Mi Smart Band 4",
    firmwareRevision: options.largest ? WIDE.repeat(32) : null,
    hardwareRevision: options.largest ? WIDE.repeat(32) : null,
    lastBattery: { level: 100, charging: false, time: 0 },
    settings: options.largest ? buildLargestSettings() : {},
    createdAt: index,
  };
  const res = await createBand(kv, band);
  if (!res.ok) throw new Error(`Cannot create band: ${res.reason}`);
  return band;
}
