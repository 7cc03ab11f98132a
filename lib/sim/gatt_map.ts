// The Mi Band 4 GATT table with the properties CAP read from a real band (§2.2).
// Clients that pick the wrong write type fail here exactly as in Chrome, which is
// the point: the facade must be tested against the band's real property set.
import { CHARACTERISTIC as C, SERVICE as S } from "../protocol/constants.ts";
import { createGattError } from "./gatt_error.ts";

/** Properties of one characteristic as Web Bluetooth exposes them. */
export interface SimCharacteristicProperties {
  /** R: `readValue` allowed. */
  read: boolean;
  /** W: write with response allowed. */
  write: boolean;
  /** WNR: write without response allowed. */
  writeWithoutResponse: boolean;
  /** N: notifications allowed. */
  notify: boolean;
}

/** One characteristic of the simulated band. */
export interface SimCharacteristic {
  /** Full lowercase 128-bit UUID. */
  uuid: string;
  /** Declared properties. */
  properties: SimCharacteristicProperties;
  /** False when the property says R but the band answers "read not permitted" (0x0011). */
  readPermitted: boolean;
}

/** One service of the simulated band. */
export interface SimService {
  /** Full lowercase 128-bit UUID. */
  uuid: string;
  /** Characteristics in table order. */
  characteristics: SimCharacteristic[];
}

function char(
  uuid: string,
  flags: string,
  readPermitted = true,
): SimCharacteristic {
  const set = new Set(flags.split(","));
  return {
    uuid,
    properties: {
      read: set.has("R"),
      write: set.has("W"),
      writeWithoutResponse: set.has("WNR"),
      notify: set.has("N"),
    },
    readPermitted,
  };
}

/** The band's services and characteristics with their properties, per §2.1 and §2.2. */
export const GATT_MAP: readonly SimService[] = [
  {
    uuid: S.genericAccess,
    characteristics: [
      char(C.deviceName, "R"),
      char(C.appearance, "R"),
      char(C.preferredConnectionParameters, "R"),
    ],
  },
  { uuid: S.genericAttribute, characteristics: [] },
  {
    uuid: S.deviceInformation,
    characteristics: [
      char(C.systemId, "R"),
      char(C.serialNumber, "R"),
      char(C.hardwareRevision, "R"),
      char(C.softwareRevision, "R"),
      char(C.pnpId, "R"),
    ],
  },
  {
    uuid: S.heartRate,
    characteristics: [
      char(C.heartRateMeasurement, "N"),
      char(C.heartRateControlPoint, "R,W"),
    ],
  },
  {
    uuid: S.alertNotification,
    characteristics: [
      char(C.newAlert, "R,W"),
      char(C.alertNotificationControlPoint, "R,W,N"),
    ],
  },
  { uuid: S.immediateAlert, characteristics: [char(C.alertLevel, "WNR")] },
  {
    uuid: S.miBand1,
    characteristics: [
      char(C.sensorControl, "WNR,N"),
      char(C.sensorData, "N"),
      char(C.configuration, "WNR,N"),
      char(C.fetchControl, "WNR,N"),
      char(C.fetchData, "N"),
      char(C.battery, "R,N"),
      char(C.realtimeActivity, "R,N"),
      char(C.userSettings, "W,N"),
      char(C.legacyWeather, "W"),
      char(C.workoutStatus, "WNR,N"),
      char(C.deviceEvent, "N"),
      char(C.unknown0011, "R,WNR,N", false),
      char(C.audio, "R,WNR,N"),
      char(C.audioData, "R,W,N"),
      char(C.chunkedTransfer, "R,WNR,N"),
      char(C.currentTime, "R,W,N"),
      char(C.preferredConnectionParameters, "R,WNR,N"),
    ],
  },
  {
    uuid: S.miBand2,
    characteristics: [
      char(C.auth, "R,WNR,N"),
      char(C.unknownFec1, "R,W,N"),
      char(C.unknownFed0, "R,W"),
      char(C.unknownFed1, "R,W"),
      char(C.unknownFed3, "R,W"),
      char(C.unknownFed2, "R"),
      char(C.unknownFede, "R"),
      char(C.unknownFedf, "R"),
      char(C.unknownFedd, "W"),
    ],
  },
  {
    uuid: S.firmwareUpdate,
    characteristics: [
      char(C.firmwareControl, "W,N"),
      char(C.firmwareData, "WNR"),
    ],
  },
  { uuid: S.unknown3802, characteristics: [char(C.unknown4a02, "W,N")] },
];

/** Largest attribute value Web Bluetooth accepts in one write. */
export const MAX_WRITE_LENGTH = 512;

/** Finds a service by UUID or throws a NotFoundError like Chrome. */
export function findService(service: string): SimService {
  const found = GATT_MAP.find((s) => s.uuid === service.toLowerCase());
  if (!found) {
    throw createGattError(
      "NotFoundError",
      `No Services matching UUID ${service} found in Device.`,
    );
  }
  return found;
}

/** Finds a characteristic of a service by UUID or throws a NotFoundError like Chrome. */
export function findCharacteristic(
  service: string,
  characteristic: string,
): SimCharacteristic {
  const found = findService(service).characteristics.find((c) =>
    c.uuid === characteristic.toLowerCase()
  );
  if (!found) {
    throw createGattError(
      "NotFoundError",
      `No Characteristics matching UUID ${characteristic} found in Service with UUID ${service}.`,
    );
  }
  return found;
}

/** Throws like Chrome when a characteristic cannot be read. */
export function assertReadable(characteristic: SimCharacteristic): void {
  if (!characteristic.properties.read) {
    throw createGattError("NotSupportedError", "GATT operation not permitted.");
  }
  if (!characteristic.readPermitted) {
    throw createGattError("NotSupportedError", "GATT operation not permitted.");
  }
}

/** Throws like Chrome when a write of this type or length is not allowed on a characteristic. */
export function assertWritable(
  characteristic: SimCharacteristic,
  value: Uint8Array,
  withResponse: boolean,
): void {
  if (value.byteLength > MAX_WRITE_LENGTH) {
    throw createGattError(
      "InvalidModificationError",
      "Value can't exceed 512 bytes.",
    );
  }
  const allowed = withResponse
    ? characteristic.properties.write
    : characteristic.properties.writeWithoutResponse;
  if (!allowed) {
    throw createGattError("NotSupportedError", "GATT operation not permitted.");
  }
}

/** Throws like Chrome when a characteristic cannot notify. */
export function assertNotifiable(characteristic: SimCharacteristic): void {
  if (!characteristic.properties.notify) {
    throw createGattError("NotSupportedError", "GATT operation not permitted.");
  }
}
