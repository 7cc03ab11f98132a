// Values served on reads (§7, §8, §9, §18, §26). Unknown characteristics read as
// the captures show them; ones never captured read empty rather than invented bytes.
import { CHARACTERISTIC as C } from "../protocol/constants.ts";
import { encodeDeviceString, encodePnpId } from "../protocol/device_info.ts";
import { encodeSystemId } from "../protocol/mac.ts";
import type { BandContext } from "./band_context.ts";
import { encodeBandTime } from "./time_handler.ts";
import { encodeBatteryValue, encodeRealtimeValue } from "./wire_values.ts";

const FIXED_READS: Record<string, number[]> = {
  [C.appearance]: [0x00, 0x00],
  [C.auth]: [0x01, 0x00, 0x00, 0x00],
  [C.chunkedTransfer]: [0x04],
  [C.audio]: [0x0c],
  [C.unknownFedf]: [0x01],
  [C.heartRateControlPoint]: [0x00, 0x01],
  [C.newAlert]: [0x05],
};

/** Returns the value a read of a characteristic yields in the band's current state. */
export function readCharacteristicValue(
  context: BandContext,
  characteristic: string,
): Uint8Array {
  const state = context.state;
  switch (characteristic) {
    case C.deviceName:
      return encodeDeviceString(state.name);
    case C.systemId:
      return encodeSystemId(state.mac);
    case C.serialNumber:
      return encodeDeviceString(state.serialNumber);
    case C.hardwareRevision:
      return encodeDeviceString(state.hardwareRevision);
    case C.softwareRevision:
      return encodeDeviceString(state.softwareRevision);
    case C.pnpId:
      return encodePnpId({
        source: "bluetoothSig",
        vendorId: 0x0157,
        productId: 0x0024,
        version: 0x0101,
      });
    case C.battery:
      return encodeBatteryValue(state);
    case C.realtimeActivity:
      return encodeRealtimeValue(state);
    case C.currentTime:
      return encodeBandTime(context);
  }
  return Uint8Array.from(FIXED_READS[characteristic] ?? []);
}
