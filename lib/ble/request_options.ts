// Chooser options for requestDevice (spec §1.2): a page can only reach services named
// here, so every service the app uses is listed, and no other (Generic Access
// 0x1800 is optional in §1.2 and nothing reads it); the name filter keeps Mi Band 2/3/5
// and Amazfit devices (which also advertise 0xFEE0) out of the chooser.

import { BAND_NAME, HUAMI_COMPANY_ID, SERVICE } from "../protocol/constants.ts";

/** The requestDevice options for a Mi Smart Band 4 with every service this app uses. */
export const BAND_REQUEST_OPTIONS = {
  filters: [{ namePrefix: BAND_NAME }],
  optionalServices: [
    SERVICE.miBand1,
    SERVICE.miBand2,
    SERVICE.deviceInformation,
    SERVICE.heartRate,
    SERVICE.alertNotification,
    SERVICE.immediateAlert,
  ],
  optionalManufacturerData: [HUAMI_COMPANY_ID],
} satisfies RequestDeviceOptions;
