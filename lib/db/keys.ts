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

/** Failed sign-ins against one account from one place: an address, or a known device. */
export function signinFailuresKey(
  username: string,
  via: "address" | "device",
  subject: string,
): ["signin_failures", string, string, string] {
  return ["signin_failures", username.toLowerCase(), via, subject];
}

/** Prefix of every failed-sign-in counter of one account. */
export function signinFailuresPrefix(
  username: string,
): ["signin_failures", string] {
  return ["signin_failures", username.toLowerCase()];
}

/** A per-address budget counter (password hashing, failed sign-ins, sign-ups, passkey ceremonies). */
export function addressBudgetKey(
  scope: string,
  address: string,
): ["address_budgets", string, string] {
  return ["address_budgets", scope, address];
}

/** A browser that signed in before, by the SHA-256 of its cookie token. */
export function knownDeviceKey(deviceId: string): ["known_devices", string] {
  return ["known_devices", deviceId];
}

/** Index of a person's known devices, so deleting the account finds them without a scan. */
export function knownDeviceByUserKey(
  userId: string,
  deviceId: string,
): ["known_devices_by_user", string, string] {
  return ["known_devices_by_user", userId, deviceId];
}

/** Prefix of one person's known-device index. */
export function knownDevicesByUserPrefix(
  userId: string,
): ["known_devices_by_user", string] {
  return ["known_devices_by_user", userId];
}

/** A passkey, by its credential id (base64url), for sign-in lookups. */
export function passkeyKey(credentialId: string): ["passkeys", string] {
  return ["passkeys", credentialId];
}

/** Index of a person's passkeys. */
export function passkeyByUserKey(
  userId: string,
  credentialId: string,
): ["passkeys_by_user", string, string] {
  return ["passkeys_by_user", userId, credentialId];
}

/** Prefix of all passkeys of one person. */
export function passkeysByUserPrefix(
  userId: string,
): ["passkeys_by_user", string] {
  return ["passkeys_by_user", userId];
}

/** A pending WebAuthn challenge (single-use, expiring), by the challenge itself. */
export function webauthnChallengeKey(
  challenge: string,
): ["webauthn_challenges", string] {
  return ["webauthn_challenges", challenge];
}

/** A personal API token, by the SHA-256 of the token. */
export function apiTokenKey(tokenId: string): ["api_tokens", string] {
  return ["api_tokens", tokenId];
}

/** Index of a person's API tokens. */
export function apiTokenByUserKey(
  userId: string,
  tokenId: string,
): ["api_tokens_by_user", string, string] {
  return ["api_tokens_by_user", userId, tokenId];
}

/** Prefix of all API tokens of one person. */
export function apiTokensByUserPrefix(
  userId: string,
): ["api_tokens_by_user", string] {
  return ["api_tokens_by_user", userId];
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

/** Prefix of every person's bands (for one-time migrations over all bands). */
export function allBandsPrefix(): ["bands"] {
  return ["bands"];
}

/** Marker that the bands' `virtual` flag has been written on records stored before it existed. */
export function bandVirtualFlagMigratedKey(): [
  "meta",
  "migrations",
  "band_virtual_flag",
] {
  return ["meta", "migrations", "band_virtual_flag"];
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

/** The range views' figures of one band for one calendar year (lib/db/day_series.ts). */
export function daySeriesKey(
  bandId: string,
  year: number,
): ["day_series", string, number] {
  return ["day_series", bandId, year];
}

/** Prefix of all day series of one band. */
export function daySeriesPrefix(bandId: string): ["day_series", string] {
  return ["day_series", bandId];
}

/** Sorted start times of one band's workouts in one UTC year (lib/db/workout_starts.ts). */
export function workoutStartsKey(
  bandId: string,
  year: number,
): ["workout_starts", string, number] {
  return ["workout_starts", bandId, year];
}

/** Prefix of all workout start indexes of one band. */
export function workoutStartsPrefix(
  bandId: string,
): ["workout_starts", string] {
  return ["workout_starts", bandId];
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

/** A key written and read back by the readiness probe (`GET /readyz`). */
export function readinessProbeKey(): ["meta", "readiness_probe"] {
  return ["meta", "readiness_probe"];
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
    daySeriesPrefix(bandId),
    workoutStartsPrefix(bandId),
    readingsPrefix("battery", bandId),
    readingsPrefix("heart_rate", bandId),
    readingsPrefix("workouts", bandId),
    readingsPrefix("band_events", bandId),
  ];
}
