// Small formatting helpers shared by cards (pure, so server and browser agree).

/** "7:05" → "07:05"; hour and minute as HH:MM. */
export function formatClock(hour: number, minute: number): string {
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** Parses "HH:MM" into hour and minute; null when malformed. */
export function parseClock(
  text: string,
): { hour: number; minute: number } | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}
