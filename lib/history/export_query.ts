// The export endpoint's query: what to export, in which format, over which days.

import { z } from "zod";
import { addDays, startOfLocalDay } from "../time/zones.ts";

/** Longest export range in days (ten years, as the daily summaries API allows). */
export const MAX_EXPORT_DAYS = 3660;

/** Query of `GET /api/bands/:id/export`. */
export const exportQuerySchema = z.object({
  data: z.enum(["minutes", "daily"]),
  format: z.enum(["csv", "jsonl"]),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD"),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD"),
});

/** A validated export query. */
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** Content types of the two formats. */
export const EXPORT_CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/jsonl; charset=utf-8",
} as const;

/** Builds the download's file name, such as "band-minutes-2024-03-01-2024-03-31.csv". */
export function buildExportFileName(query: ExportQuery): string {
  return `band-${query.data}-${query.from}-${query.to}.${query.format}`;
}

/**
 * Checks an export's days before the first byte goes out, because a streamed
 * 200 cannot turn into a 4xx later: the span, and the local day bounds the rows
 * are read with. Returns the problem, or null when the export can run to its end.
 */
export function findExportRangeProblem(
  range: { from: string; to: string },
  timeZone: string,
): string | null {
  const span = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000;
  if (!(span >= 0 && span < MAX_EXPORT_DAYS)) {
    return `\`to\` must follow \`from\` by at most ${MAX_EXPORT_DAYS} days`;
  }
  try {
    startOfLocalDay(range.from, timeZone);
    startOfLocalDay(addDays(range.to, 1), timeZone);
  } catch (error) {
    return error instanceof RangeError ? error.message : "days out of range";
  }
  return null;
}
