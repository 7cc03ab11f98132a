// The page's Today figures while minutes wait in the outbox: the server's last
// view of the day plus the outbox's minutes of that day after the server's
// cursor, classified by the one minute module, so the steps and active minutes
// read from the band offline show at once and match what the server will
// store once they upload.
import type { TodayView } from "../api/today_schemas.ts";
import { createKindResolver } from "../minute/kind.ts";
import { classifyMinute } from "../minute/minute_class.ts";
import { readHeartRate } from "../minute/sample.ts";
import { addDays, localDay, startOfLocalDay } from "../time/zones.ts";
import type { OutboxBatch } from "./offline_db.ts";
import { toActivityBatch } from "./outbox.ts";

const MINUTE_MS = 60_000;

/** The server's view of the day and how far its minutes went. */
export interface TodayBase {
  view: TodayView | null;
  /** The server's cursor when the view was read: outbox minutes before it are counted already. */
  cursor: number | null;
}

/** Adds the outbox's minutes of the person's current day to the server's view of it. */
export function addOutboxToToday(
  base: TodayBase,
  batches: readonly OutboxBatch[],
  where: { now: number; timeZone: string },
): TodayView {
  const day = localDay(where.now, where.timeZone);
  const sameDay = base.view?.day === day;
  const view: TodayView = sameDay && base.view ? { ...base.view } : {
    day,
    timeZone: where.timeZone,
    steps: 0,
    activeMinutes: 0,
    restingHeartRate: base.view?.restingHeartRate ?? null,
    latestHeartRate: base.view?.latestHeartRate ?? null,
    lastNight: null,
    lastSyncAt: base.view?.lastSyncAt ?? null,
  };
  const dayStart = startOfLocalDay(day, where.timeZone);
  const dayEnd = startOfLocalDay(addDays(day, 1), where.timeZone);
  const from = Math.max(
    dayStart,
    sameDay ? base.cursor ?? -Infinity : -Infinity,
  );
  const resolveKind = createKindResolver();
  const counted = new Set<number>();
  for (const entry of batches) {
    const batch = toActivityBatch(entry);
    batch.samples.forEach((sample, i) => {
      const time = batch.start + i * MINUTE_MS;
      const kind = resolveKind(time, sample.kind);
      if (time < from || time >= dayEnd || counted.has(time)) return;
      counted.add(time);
      view.steps += sample.steps;
      if (classifyMinute(kind, sample.steps) === "active") {
        view.activeMinutes++;
      }
      const bpm = readHeartRate(sample.heartRate);
      if (bpm !== null && time > (view.latestHeartRate?.time ?? -Infinity)) {
        view.latestHeartRate = { bpm, time };
      }
    });
  }
  return view;
}
