// Web Bluetooth accepts 16-bit numbers, GATT names ('heart_rate') and full UUIDs
// wherever a UUID goes; the fake resolves them the same way (only names the band has).
import { toSigUuid } from "../protocol/constants.ts";

const NAMES: Record<string, number> = {
  generic_access: 0x1800,
  generic_attribute: 0x1801,
  immediate_alert: 0x1802,
  device_information: 0x180a,
  heart_rate: 0x180d,
  alert_notification: 0x1811,
  "gap.device_name": 0x2a00,
  "gap.appearance": 0x2a01,
  "gap.peripheral_preferred_connection_parameters": 0x2a04,
  alert_level: 0x2a06,
  system_id: 0x2a23,
  serial_number_string: 0x2a25,
  hardware_revision_string: 0x2a27,
  software_revision_string: 0x2a28,
  current_time: 0x2a2b,
  heart_rate_measurement: 0x2a37,
  heart_rate_control_point: 0x2a39,
  alert_notification_control_point: 0x2a44,
  new_alert: 0x2a46,
  pnp_id: 0x2a50,
};

const FULL_UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Resolves a Web Bluetooth UUID argument (number, name or UUID string) into a full lowercase UUID. */
export function resolveUuid(value: number | string): string {
  if (typeof value === "number") return toSigUuid(value);
  const lower = value.toLowerCase();
  if (FULL_UUID.test(lower)) return lower;
  const alias = NAMES[lower];
  if (alias === undefined) {
    throw new TypeError(
      `Failed to resolve UUID: '${value}' is not a valid name or UUID`,
    );
  }
  return toSigUuid(alias);
}
