// The public face of lib/ble for islands: find and connect a band, then use MiBand4.

export {
  BleError,
  type BleErrorCode,
  type BleErrorDescription,
  describeBleError,
  isBleError,
} from "./errors.ts";
export {
  DEFAULT_GATT_TIMEOUT_MS,
  GattQueue,
  type GattQueueOptions,
} from "./gatt_queue.ts";
export { MiBand4, type MiBand4ConnectOptions } from "./mi_band4.ts";
export type {
  FetchActivityOptions,
  FetchProgress,
} from "./ops/fetch_activity.ts";
export type { FetchWorkoutsOptions } from "./ops/fetch_workouts.ts";
export type { BandAlerts, SimpleAlert } from "./facade/band_alerts.ts";
export type { BandHeartRate } from "./facade/band_heart_rate.ts";
export type { BandAlarms, BandReminders } from "./facade/band_schedule.ts";
export type {
  BandDisplay,
  BandMusic,
  BandWeather,
} from "./facade/band_screens.ts";
export type { BandSettings } from "./facade/band_settings.ts";
export { type DeviceInfo, verifyMacAddress } from "./ops/device_info.ts";
export type {
  GattTransport,
  NotificationListener,
  WriteOptions,
} from "./transport.ts";
export {
  BAND_REQUEST_OPTIONS,
  connectBand,
  connectGatt,
  type ConnectOptions,
  findGrantedDevice,
  mapBluetoothError,
  requestBandDevice,
  watchUntilInRange,
} from "./web_bluetooth.ts";
