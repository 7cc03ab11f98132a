// Public API of the band protocol: pure encoders and parsers, no I/O.
export * from "./constants.ts";
export * from "./errors.ts";
export * from "./date_time.ts";
export * from "./chunked.ts";
export * from "./auth.ts";
export * from "./mac.ts";
export * from "./device_info.ts";
export * from "./battery.ts";
export * from "./realtime_activity.ts";
export * from "./heart_rate.ts";
export * from "./activity_fetch.ts";
export * from "./activity_accumulator.ts";
export * from "./activity_kinds.ts";
export * from "./workouts.ts";
export * from "./device_events.ts";
export type * from "./activity_sample.ts";
