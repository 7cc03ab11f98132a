// Valid example bodies per route (the fuzz mutates them so requests get past
// the first checks and into the handlers), and the query keys routes read.
import { encodeSampleData } from "../../lib/api/sample_data.ts";

const T0 = Date.UTC(2024, 5, 10, 6, 0);

/** Example bodies by route pattern; a route missing here still gets random bodies. */
export const FUZZ_BODIES: Record<string, unknown[]> = {
  "/api/bands": [{
    name: "Fuzz band",
    mac: "C8:0F:10:AA:BB:CC",
    authKey: "8f1e2d3c4b5a69788796a5b4c3d2e1f0",
  }],
  "/api/bands/:id": [{ name: "Renamed", firmwareRevision: "V1.0.9.66" }],
  "/api/bands/:id/settings": [
    { general: { band_lock: true, heart_rate_interval: 10 } },
    { goal: { steps: 8000, notify: true } },
    { idleAlerts: { enabled: true, start: "09:00", end: "18:00", dnd: null } },
    { display: { items: ["status"], shortcuts: [] } },
    { weatherLocation: { name: "Oslo", latitude: 59.9, longitude: 10.7 } },
    {
      alarms: [{
        index: 0,
        enabled: true,
        hour: 7,
        minute: 30,
        days: 31,
        smart: false,
      }],
    },
  ],
  "/api/bands/:id/samples": [{
    batches: [{
      start: T0,
      utcOffsetMinutes: 120,
      data: encodeSampleData(
        Array.from({ length: 30 }, (_, i) => ({
          kind: 1,
          intensity: i,
          steps: i,
          heartRate: 70,
        })),
      ),
    }],
  }],
  "/api/bands/:id/readings/:kind": [
    { readings: [{ time: T0, level: 80, charging: false }] },
    { readings: [{ time: T0, bpm: 70 }] },
    { readings: [{ time: T0, end: T0 + 600_000, type: 1 }] },
    { readings: [{ time: T0, type: "wake_up", detail: null }] },
  ],
  "/api/setup": [{ username: "someone", password: "long enough pw" }],
  "/api/signup": [{ username: "someone", password: "long enough pw" }],
  "/api/session": [{ username: "owner", password: "wrong password" }],
  "/api/me": [{ timeZone: "Europe/Oslo" }, { password: "wrong password" }],
  "/api/me/password": [{
    currentPassword: "nope",
    newPassword: "x".repeat(12),
  }],
  "/api/invitations": [{ expiresInHours: 24 }],
  "/api/invitations/:token": [{
    username: "invited",
    password: "long enough pw",
  }],
  "/account": [
    "csrf=x&action=timezone&timeZone=UTC",
    "action=delete&password=x",
  ],
  "/signin": ["username=owner&password=x"],
  "/setup": ["username=x&password=y"],
  "/devices/new": ["name=x&mac=C8:0F:10:AA:BB:CC&authKey=00"],
};

/** Query keys the routes read, plus a few they do not. */
export const FUZZ_QUERY_KEYS = [
  "day",
  "from",
  "to",
  "view",
  "data",
  "format",
  "limit",
  "q",
  "latitude",
  "longitude",
  "name",
  "unit",
  "dryRun",
  "device",
  "next",
  "__proto__",
];

/** What a query value holds, so the fuzz draws edge values of the right kind. */
export type QueryKind = "day" | "instant" | "other";

/** The query keys each route reads and their kinds, filled together so handlers get past "missing". */
export const FUZZ_QUERIES: Record<string, Record<string, QueryKind>> = {
  "/api/bands/:id/minutes": { day: "day" },
  "/api/bands/:id/summaries/hourly": { day: "day" },
  "/api/bands/:id/summaries/daily": { from: "day", to: "day" },
  "/api/bands/:id/export": {
    data: "other",
    format: "other",
    from: "day",
    to: "day",
  },
  "/api/bands/:id/readings/:kind": {
    from: "instant",
    to: "instant",
    limit: "instant",
  },
  "/devices/:id/history": { view: "other", day: "day" },
  "/api/weather": {
    latitude: "instant",
    longitude: "instant",
    name: "other",
    unit: "other",
  },
};

/** Edge values per query key; other keys get generic odd values. */
export const FUZZ_QUERY_VALUES: Record<string, string[]> = {
  view: ["day", "week", "month", "year", "decade", ""],
  data: ["minutes", "daily", "all"],
  format: ["csv", "jsonl", "xml"],
  unit: ["celsius", "fahrenheit", "kelvin"],
};
