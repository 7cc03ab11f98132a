// Public entry of the band simulator: a virtual Mi Band 4, its GattTransport, a
// fake navigator.bluetooth and a history generator. Pure TypeScript, browser-safe.
import { VirtualBand, type VirtualBandOptions } from "./virtual_band.ts";

export {
  createSimTransport,
  SimTransport,
  type SimTransportOptions,
} from "./sim_transport.ts";
export {
  createFakeBluetooth,
  FakeBluetooth,
  type FakeBluetoothOptions,
  type FakeRequestOptions,
} from "./fake_bluetooth.ts";
export { FakeBluetoothDevice } from "./fake_device.ts";
export {
  type GeneratedHistory,
  generateHistory,
  type HistoryOptions,
} from "./history_generator.ts";
export { VirtualBand, type VirtualBandOptions } from "./virtual_band.ts";
export type { BandState } from "./band_state.ts";
export { DEFAULT_SIM_KEY_HEX } from "./band_state.ts";
export type { BandBehaviour, Scheduler } from "./band_context.ts";
export type { SimWorkout } from "./sim_workout.ts";
export { SimFaults } from "./sim_faults.ts";
export { GATT_MAP } from "./gatt_map.ts";

/** Creates a virtual Mi Band 4 (disconnected until a transport or fake device connects it). */
export function createVirtualBand(
  options: VirtualBandOptions = {},
): VirtualBand {
  return new VirtualBand(options);
}
