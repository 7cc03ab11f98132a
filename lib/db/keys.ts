// Every Deno KV key the app uses, built here and nowhere else. Times and day
// numbers in keys are numbers so that key order is time order.

/** Key of one user record. */
export function userKey(userId: string): ["users", string] {
  return ["users", userId];
}

/** Prefix of every user record. */
export function usersPrefix(): ["users"] {
  return ["users"];
}

/** Index from a lower-cased username to its user id. */
export function userByUsernameKey(
  username: string,
): ["users_by_username", string] {
  return ["users_by_username", username.toLowerCase()];
}

/** Marker that exists once the owner account is created (guards first-run setup). */
export function ownerKey(): ["meta", "owner"] {
  return ["meta", "owner"];
}

/** Key of one session, by the SHA-256 of its token (a leaked KV copy holds no live token). */
export function sessionKey(sessionId: string): ["sessions", string] {
  return ["sessions", sessionId];
}

/** Index of a user's sessions, so password changes can end the others. */
export function sessionByUserKey(
  userId: string,
  sessionId: string,
): ["sessions_by_user", string, string] {
  return ["sessions_by_user", userId, sessionId];
}

/** Prefix of all sessions of one user. */
export function sessionsByUserPrefix(
  userId: string,
): ["sessions_by_user", string] {
  return ["sessions_by_user", userId];
}

/** Key of one invitation, by the SHA-256 of its token. */
export function invitationKey(tokenHash: string): ["invitations", string] {
  return ["invitations", tokenHash];
}

/** Counter of failed sign-ins for one subject (an account or an address). */
export function signinAttemptsKey(
  scope: "account" | "address",
  subject: string,
): ["signin_attempts", string, string] {
  return ["signin_attempts", scope, subject];
}

/** Key of one band; the owner's id leads so every lookup is scoped to its owner. */
export function bandKey(
  userId: string,
  bandId: string,
): ["bands", string, string] {
  return ["bands", userId, bandId];
}

/** Prefix of all bands of one user. */
export function bandsPrefix(userId: string): ["bands", string] {
  return ["bands", userId];
}

/** Index keeping a MAC address unique per person. */
export function bandByMacKey(
  userId: string,
  mac: string,
): ["bands_by_mac", string, string] {
  return ["bands_by_mac", userId, mac.toUpperCase()];
}

/** Per-band sync state: the cursor, and the version every sample write checks. */
export function syncStateKey(bandId: string): ["sync_state", string] {
  return ["sync_state", bandId];
}

/** One UTC day of packed per-minute samples (`utcDay` = days since 1970-01-01 UTC). */
export function sampleDayKey(
  bandId: string,
  utcDay: number,
): ["samples", string, number] {
  return ["samples", bandId, utcDay];
}

/** Prefix of all sample days of one band. */
export function sampleDaysPrefix(bandId: string): ["samples", string] {
  return ["samples", bandId];
}

/** Hourly summaries of one local day (`localDay` = local calendar day as days since 1970-01-01). */
export function hourSummaryKey(
  bandId: string,
  localDay: number,
): ["hour_summaries", string, number] {
  return ["hour_summaries", bandId, localDay];
}

/** Daily summary of one local day. */
export function daySummaryKey(
  bandId: string,
  localDay: number,
): ["day_summaries", string, number] {
  return ["day_summaries", bandId, localDay];
}

/** Prefix of all daily summaries of one band. */
export function daySummariesPrefix(bandId: string): ["day_summaries", string] {
  return ["day_summaries", bandId];
}

/** Prefix of all hourly summaries of one band. */
export function hourSummariesPrefix(
  bandId: string,
): ["hour_summaries", string] {
  return ["hour_summaries", bandId];
}

/** Names of the per-band time series kept besides the minute samples. */
export type ReadingKind = "battery" | "heart_rate" | "workouts" | "band_events";

/** One reading of a per-band time series at an instant (epoch ms). */
export function readingKey(
  kind: ReadingKind,
  bandId: string,
  time: number,
): [ReadingKind, string, number] {
  return [kind, bandId, time];
}

/** Prefix of one per-band time series. */
export function readingsPrefix(
  kind: ReadingKind,
  bandId: string,
): [ReadingKind, string] {
  return [kind, bandId];
}

/** Prefix of every invitation (an account's deletion scans them for the ones it made). */
export function invitationsPrefix(): ["invitations"] {
  return ["invitations"];
}

/** What a pending purge removes: one band's keys, or a whole account's. */
export type PurgeKind = "band" | "user";

/** A pending purge of a deleted band or account; it exists until every key is gone. */
export function purgeJobKey(
  kind: PurgeKind,
  id: string,
): ["purge_jobs", PurgeKind, string] {
  return ["purge_jobs", kind, id];
}

/** Prefix of every pending purge, or of those of one kind. */
export function purgeJobsPrefix(kind?: PurgeKind): Deno.KvKey {
  return kind === undefined ? ["purge_jobs"] : ["purge_jobs", kind];
}

/**
 * Every prefix under which a band owns keys, besides its record, MAC index and
 * sync state. A new per-band key family must be listed here, or deleting a band
 * leaves it behind (the purge test lists every key to catch that).
 */
export function listBandDataPrefixes(bandId: string): Deno.KvKey[] {
  return [
    sampleDaysPrefix(bandId),
    daySummariesPrefix(bandId),
    hourSummariesPrefix(bandId),
    readingsPrefix("battery", bandId),
    readingsPrefix("heart_rate", bandId),
    readingsPrefix("workouts", bandId),
    readingsPrefix("band_events", bandId),
  ];
}
