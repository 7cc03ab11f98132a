// Every GATT UUID the Mi Band 4 exposes (spec §2) and the opcodes of the exchanges
// built on them. UUIDs are full lowercase 128-bit strings, the form Web Bluetooth
// returns and accepts, so no caller ever has to expand a 16-bit alias itself.
//   SIG base:   0000XXXX-0000-1000-8000-00805f9b34fb
//   Huami base: 0000XXXX-0000-3512-2118-0009af100700

/** Expands a 16-bit Bluetooth SIG UUID into its full lowercase 128-bit form. */
export function toSigUuid(short: number): string {
  return `0000${toHex16(short)}-0000-1000-8000-00805f9b34fb`;
}

/** Expands a 16-bit Huami id into its full lowercase 128-bit form on the Huami base. */
export function toHuamiUuid(short: number): string {
  return `0000${toHex16(short)}-0000-3512-2118-0009af100700`;
}

function toHex16(short: number): string {
  if (!Number.isInteger(short) || short < 0 || short > 0xffff) {
    throw new RangeError(`Cannot expand UUID: ${short} is not a 16-bit id`);
  }
  return short.toString(16).padStart(4, "0");
}

/** Services of the Mi Band 4 (§2.1), full 128-bit UUIDs. */
export const SERVICE = {
  /** 0x1800: device name, appearance, preferred connection parameters. */
  genericAccess: "00001800-0000-1000-8000-00805f9b34fb",
  /** 0x1801: service-changed only. */
  genericAttribute: "00001801-0000-1000-8000-00805f9b34fb",
  /** 0x180A: system id (MAC), revisions, PnP id. */
  deviceInformation: "0000180a-0000-1000-8000-00805f9b34fb",
  /** 0x180D: heart-rate measurement and Huami control point. */
  heartRate: "0000180d-0000-1000-8000-00805f9b34fb",
  /** 0x1811: New Alert for text alerts and calls. */
  alertNotification: "00001811-0000-1000-8000-00805f9b34fb",
  /** 0x1802: alert level (vibrate, find band). */
  immediateAlert: "00001802-0000-1000-8000-00805f9b34fb",
  /** 0xFEE0: Huami main service, also hosts Current Time 0x2A2B. */
  miBand1: "0000fee0-0000-1000-8000-00805f9b34fb",
  /** 0xFEE1: Huami auth service. */
  miBand2: "0000fee1-0000-1000-8000-00805f9b34fb",
  /** Huami 0x1530: firmware and watch-face update, out of scope but listed for completeness. */
  firmwareUpdate: "00001530-0000-3512-2118-0009af100700",
  /** 0x3802: unknown vendor service with one characteristic 0x4A02. */
  unknown3802: "00003802-0000-1000-8000-00805f9b34fb",
} as const;

/** Characteristics of the Mi Band 4 (§2.2), full 128-bit UUIDs; the comment names the owning service. */
export const CHARACTERISTIC = {
  /** 0x1800 0x2A00: device name "Mi Smart Band 4". */
  deviceName: "00002a00-0000-1000-8000-00805f9b34fb",
  /** 0x1800 0x2A01: appearance, reads 00 00. */
  appearance: "00002a01-0000-1000-8000-00805f9b34fb",
  /** 0x1800 and 0xFEE0 0x2A04: peripheral preferred connection parameters (same UUID in both). */
  preferredConnectionParameters: "00002a04-0000-1000-8000-00805f9b34fb",
  /** 0x180A 0x2A23: system id, carries the MAC (§6). */
  systemId: "00002a23-0000-1000-8000-00805f9b34fb",
  /** 0x180A 0x2A25: serial number, blocklisted in browsers. */
  serialNumber: "00002a25-0000-1000-8000-00805f9b34fb",
  /** 0x180A 0x2A27: hardware revision string. */
  hardwareRevision: "00002a27-0000-1000-8000-00805f9b34fb",
  /** 0x180A 0x2A28: software revision string (firmware version). */
  softwareRevision: "00002a28-0000-1000-8000-00805f9b34fb",
  /** 0x180A 0x2A50: PnP id. */
  pnpId: "00002a50-0000-1000-8000-00805f9b34fb",
  /** 0x180D 0x2A37: heart-rate measurement, notify only. */
  heartRateMeasurement: "00002a37-0000-1000-8000-00805f9b34fb",
  /** 0x180D 0x2A39: heart-rate control point, write with response. */
  heartRateControlPoint: "00002a39-0000-1000-8000-00805f9b34fb",
  /** 0x1811 0x2A46: New Alert, write with response. */
  newAlert: "00002a46-0000-1000-8000-00805f9b34fb",
  /** 0x1811 0x2A44: alert notification control point, unused by known clients. */
  alertNotificationControlPoint: "00002a44-0000-1000-8000-00805f9b34fb",
  /** 0x1802 0x2A06: alert level, write without response. */
  alertLevel: "00002a06-0000-1000-8000-00805f9b34fb",
  /** 0xFEE0 0x2A2B: current time in the Huami 11-byte flavour, write with response. */
  currentTime: "00002a2b-0000-1000-8000-00805f9b34fb",
  /** 0xFEE1 Huami 0x0009: authentication, write without response + notify. */
  auth: "00000009-0000-3512-2118-0009af100700",
  /** 0xFEE1 Huami 0xFEC1: unknown, reads empty. */
  unknownFec1: "0000fec1-0000-3512-2118-0009af100700",
  /** 0xFEE1 SIG-base 0xFED0: unknown, reads empty. */
  unknownFed0: "0000fed0-0000-1000-8000-00805f9b34fb",
  /** 0xFEE1 SIG-base 0xFED1: unknown, reads empty. */
  unknownFed1: "0000fed1-0000-1000-8000-00805f9b34fb",
  /** 0xFEE1 SIG-base 0xFED2: unknown, reads empty. */
  unknownFed2: "0000fed2-0000-1000-8000-00805f9b34fb",
  /** 0xFEE1 SIG-base 0xFED3: unknown, reads empty. */
  unknownFed3: "0000fed3-0000-1000-8000-00805f9b34fb",
  /** 0xFEE1 SIG-base 0xFEDD: unknown, write only. */
  unknownFedd: "0000fedd-0000-1000-8000-00805f9b34fb",
  /** 0xFEE1 SIG-base 0xFEDE: unknown, reads empty. */
  unknownFede: "0000fede-0000-1000-8000-00805f9b34fb",
  /** 0xFEE1 SIG-base 0xFEDF: unknown, reads 01. */
  unknownFedf: "0000fedf-0000-1000-8000-00805f9b34fb",
  /** 0xFEE0 Huami 0x0001: raw sensor control. */
  sensorControl: "00000001-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x0002: raw sensor data. */
  sensorData: "00000002-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x0003: configuration commands, replies notified on the same characteristic. */
  configuration: "00000003-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x0004: fetch control for activity and workout history. */
  fetchControl: "00000004-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x0005: fetch data, the history payload stream. */
  fetchData: "00000005-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x0006: battery info, read + notify. */
  battery: "00000006-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x0007: realtime steps, distance, calories. */
  realtimeActivity: "00000007-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x0008: user settings (goal, wear location, profile), write with response. */
  userSettings: "00000008-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x000E: legacy Bip weather, unused on the Mi Band 4. */
  legacyWeather: "0000000e-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x000F: workout status events. */
  workoutStatus: "0000000f-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x0010: unsolicited device events (§23). */
  deviceEvent: "00000010-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x0011: unknown. */
  unknown0011: "00000011-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x0012: "audio" in Gadgetbridge, purpose unknown. */
  audio: "00000012-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x0013: "audio data" in Gadgetbridge, purpose unknown. */
  audioData: "00000013-0000-3512-2118-0009af100700",
  /** 0xFEE0 Huami 0x0020: chunked transfer (notifications, weather, music, menu). */
  chunkedTransfer: "00000020-0000-3512-2118-0009af100700",
  /** Huami 0x1530 service, Huami 0x1531: firmware update control. */
  firmwareControl: "00001531-0000-3512-2118-0009af100700",
  /** Huami 0x1530 service, Huami 0x1532: firmware update data. */
  firmwareData: "00001532-0000-3512-2118-0009af100700",
  /** 0x3802 SIG-base 0x4A02: unknown, write + notify. */
  unknown4a02: "00004a02-0000-1000-8000-00805f9b34fb",
} as const;

/** Bluetooth SIG company id of Anhui Huami, for manufacturer data in advertisements (§1.1). */
export const HUAMI_COMPANY_ID = 0x0157;

/** Advertised local name of the band (§1.1). */
export const BAND_NAME = "Mi Smart Band 4";

/** Response envelope shared by 0x0009, 0x0003, 0x0004 (§3.3). */
export const RESPONSE = {
  /** Byte 0 of every command reply notification. */
  header: 0x10,
  /** Status byte: success. */
  success: 0x01,
  /** Status byte: rejected or busy (fetch already running). */
  busy: 0x02,
  /** Status byte: failure. */
  failure: 0x04,
  /** Status byte: auth answer did not match (wrong key). */
  wrongKey: 0x08,
} as const;

/** Authentication opcodes on 0x0009 (§5). */
export const AUTH = {
  /** Legacy send-key step (Mi Band 2/3); the band 4 key is server-assigned. */
  sendKey: 0x01,
  /** Client → band `02 00`: ask for a random challenge (Flow A step 2). */
  requestChallenge: 0x02,
  /** Client → band `03 00` + E: answer with the encrypted challenge (Flow A step 5). */
  sendAnswer: 0x03,
  /** Flow B ORs this crypt flag into the command byte (`82`, `83`). */
  cryptFlag: 0x80,
  /** Auth flags byte sent after the command (0 for both flows). */
  authFlags: 0x00,
  /** Low nibble of the echoed command selects the step in a reply. */
  stepMask: 0x0f,
} as const;

/** Chunked transfer on 0x0020 (§4). */
export const CHUNK = {
  /** Byte 0 of every chunk. */
  header: 0x00,
  /** Flags: first of several chunks. */
  first: 0x00,
  /** Flags: middle chunk. */
  middle: 0x40,
  /** Flags: last of several chunks. */
  last: 0x80,
  /** Flags: the only chunk (first and last). */
  only: 0xc0,
  /** Mask of the flag bits in byte 1. */
  flagMask: 0xc0,
  /** Mask of the type bits in byte 1. */
  typeMask: 0x3f,
  /** Payload bytes per chunk a browser must use (20-byte writes at the default MTU). */
  payloadSize: 17,
} as const;

/** Payload types of chunked messages (§4.1). */
export const CHUNK_TYPE = {
  /** Text notification (§15.3). */
  notification: 0,
  /** Weather records (§19). */
  weather: 1,
  /** "Config 2": menu layout, reminders, vibration patterns (§20, §25). */
  config: 2,
  /** Music state (§16). */
  music: 3,
  /** Seen only in Mi Fit's own key exchange. */
  keyExchange: 4,
  /** Phone GPS during a connected workout (§12). */
  gps: 6,
} as const;

/** Battery info on 0x0006 (§8). */
export const BATTERY = {
  /** Byte 0 of every battery value, meaning unknown. */
  header: 0x0f,
} as const;

/** Realtime activity on 0x0007 (§9). */
export const REALTIME = {
  /** Byte 0 of every realtime value, probably a field-presence bitmap. */
  header: 0x0c,
} as const;

/** Heart-rate control point 0x2A39 commands (§10.2). */
export const HEART_RATE = {
  /** `14 NN`: all-day measurement interval in minutes. */
  setInterval: 0x14,
  /** `15 MM EE`: switch a measurement mode on or off. */
  control: 0x15,
  /** `16`: keep-alive for continuous mode, every ≤ 12 s. */
  keepAlive: 0x16,
  /** Mode byte of `15`: HR-assisted sleep detection. */
  modeSleep: 0x00,
  /** Mode byte of `15`: continuous measurement. */
  modeContinuous: 0x01,
  /** Mode byte of `15`: one-shot (manual) measurement. */
  modeManual: 0x02,
  /** 0x2A37 flags bit: BPM is uint16 instead of uint8 (SIG rule). */
  flagUint16: 0x01,
} as const;

/** Fetch control opcodes on 0x0004 (§11.1). */
export const FETCH = {
  /** Client → band step 1 `01 TT <stamp>`: start date; band echoes `10 01 SS` in step 2. */
  startDate: 0x01,
  /** Client → band step 3 `02`: start streaming; band ends with `10 02 SS` in step 5. */
  transfer: 0x02,
  /** Client → band step 6 `03`: acknowledge (band may drop the data); band answers `10 03 01`. */
  ack: 0x03,
} as const;

/** Data types of a fetch start-date request (§11.6). */
export const FETCH_DATA_TYPE = {
  /** Per-minute activity samples. */
  activity: 0x01,
  /** Manual heart-rate readings (newer devices). */
  manualHeartRate: 0x02,
  /** Workout (sports) summaries, one per round. */
  sportsSummaries: 0x05,
  /** Workout details (track). */
  sportsDetails: 0x06,
  /** Debug logs. */
  debugLogs: 0x07,
} as const;

/** Unsolicited device event codes on 0x0010 (§23), byte 0 of each notification. */
export const DEVICE_EVENT = {
  /** `01`: user fell asleep. */
  fellAsleep: 0x01,
  /** `02`: user woke up. */
  wokeUp: 0x02,
  /** `03`: daily step goal reached. */
  goalReached: 0x03,
  /** `04`: button pressed. */
  buttonPressed: 0x04,
  /** `06`: band taken off. */
  nonWear: 0x06,
  /** `07`: incoming call rejected on the band. */
  callRejected: 0x07,
  /** `08`: find my phone started; phone acks on 0x0003. */
  findPhoneStart: 0x08,
  /** `09`: incoming call ignored (silenced) on the band. */
  callIgnored: 0x09,
  /** `0a`: alarm toggled on the band. */
  alarmToggled: 0x0a,
  /** `0b`: button long-pressed. */
  buttonLongPressed: 0x0b,
  /** `0e`: half-hour tick, meaning unsure. */
  tick30Min: 0x0e,
  /** `0f`: find my phone stopped. */
  findPhoneStop: 0x0f,
  /** `10 EE`: band toggled the phone's silent mode. */
  silentMode: 0x10,
  /** `14 xx GG TT`: workout starting on the band. */
  workoutStarting: 0x14,
  /** `16 LL HH`: preferred ATT MTU announcement (§32.1). */
  mtu: 0x16,
  /** `1a`: alarm changed on the band. */
  alarmChanged: 0x1a,
  /** `fe CC`: music control button (§16.3). */
  music: 0xfe,
} as const;

/** Music control codes carried by device event `fe CC` (§16.3). */
export const MUSIC_BUTTON = {
  /** Play (some clients treat it as toggle). */
  play: 0x00,
  /** Pause. */
  pause: 0x01,
  /** Next track. */
  next: 0x03,
  /** Previous track. */
  previous: 0x04,
  /** Volume up. */
  volumeUp: 0x05,
  /** Volume down. */
  volumeDown: 0x06,
  /** Music screen opened: send the player state. */
  focusIn: 0xe0,
  /** Music screen closed. */
  focusOut: 0xe1,
} as const;

// Part B: configuration, alarms, notifications, music, weather, display

/** Byte 0 of commands written to 0x0003 (configuration, write without response) outside the 06 endpoint (§22.2). */
export const CONFIG = {
  /** `02 TAG HH MM DAYS`: set or clear one alarm slot; band answers `10 02 01` (§13.1). */
  alarm: 0x02,
  /** `06 XX 00 …`: "display endpoint" settings; band echoes `10 06 XX 00 SS` (§22.1). */
  endpoint: 0x06,
  /** `08 …` (12 bytes): inactivity warnings; band presumably answers `10 08 01` (§14). */
  idleAlerts: 0x08,
  /** `09 MM [SH SM EH EM]`: do not disturb mode, unconfirmed on the Mi Band 4 (§22.2). */
  doNotDisturb: 0x09,
  /** `0a MASK …`: MB3-style display items, the unrecommended alternative of §20.2. */
  legacyDisplayItems: 0x0a,
  /** `0d`: request the alarm list; band answers `10 0d 01` + statuses (§13.2). */
  requestAlarms: 0x0d,
  /** `0e`: request GPS firmware version, sent by Gadgetbridge; the MB4 reply is unknown (§22.2). */
  requestGpsVersion: 0x0e,
  /** `1a MM [SH SM EH EM]`: night mode; band answers `10 1a 01` (§22.2). */
  nightMode: 0x1a,
  /** `ff 01 00 00 00`: request alarms with times, unconfirmed on the Mi Band 4 (§13.2). */
  extendedRequest: 0xff,
} as const;

/** Byte 1 of `06 XX 00 …` endpoint settings on 0x0003; the band echoes `10 06 XX 00 SS` (§22.2). */
export const CONFIG_ENDPOINT = {
  /** `06 01 00 EE`: keep advertising while connected. */
  btAdvertising: 0x01,
  /** `06 02 00 FF`: 12 h (00) or 24 h (01) clock. */
  timeFormat: 0x02,
  /** `06 03 00 UU`: metric (00) or imperial (01) units. */
  units: 0x03,
  /** `06 05 00 EE [SH SM EH EM]`: lift wrist to wake the screen. */
  liftWrist: 0x05,
  /** `06 06 00 EE`: vibrate when the step goal is reached. */
  goalNotification: 0x06,
  /** `06 0a 00 DD`: clock screen shows time only (00) or date and time (03). */
  dateDisplay: 0x0a,
  /** `06 0b 00 01`: factory reset, erases the band. */
  factoryReset: 0x0b,
  /** `06 0c 00 EE SH SM EH EM`: vibrate when the phone disconnects. */
  disconnectReminder: 0x0c,
  /** `06 0d 00 EE`: rotate wrist to switch info (Mi Band 2 feature). */
  rotateWrist: 0x0d,
  /** `06 10 00 00 EE`: show the caller's name on incoming calls. */
  callerId: 0x10,
  /** `06 14 00 EE`: find-my-phone acknowledge, sent after device event 08 (§21). */
  findPhoneAck: 0x14,
  /** `06 16 00 EE`: swipe up to unlock the screen. */
  swipeUnlock: 0x16,
  /** `06 17 00` + 5 ASCII bytes: language as a locale such as `en_US`. */
  language: 0x17,
  /** `06 19 00 EE`: tell the band the phone is muted, mirrored after device event 10. */
  silentMode: 0x19,
  /** `06 1a 00 EE BPM`: high heart-rate alert. */
  heartRateAlert: 0x1a,
  /** `06 1e 00` + 10 ASCII bytes: date format such as `dd.MM.yyyy`. */
  dateFormat: 0x1e,
  /** `06 1f 00 EE`: expose heart rate to third-party apps. */
  exposeHeartRate: 0x1f,
  /** `06 21 00 EE D1 D2 D3 D4 00`: band lock PIN. */
  bandLock: 0x21,
  /** `06 22 00 EE`: heart-rate monitoring during activity. */
  heartRateDuringActivity: 0x22,
  /** `06 23 00 SS`: lift wrist sensitivity, normal (00) or sensitive (01). */
  liftWristSensitivity: 0x23,
} as const;

/** Byte 0 of commands written to 0x0008 (user settings, write with response) (§17). */
export const USER_SETTING = {
  /** `10 00 00 LL HH 00 00`: daily step goal. */
  stepGoal: 0x10,
  /** `20 00 00 WW`: wear location, left (02) or right (82). */
  wearLocation: 0x20,
  /** `4f 00 00 …` (16 bytes): user profile. */
  userProfile: 0x4f,
} as const;

/** Alert categories, byte 0 of a New Alert on 0x2A46 and of a chunked type 0 notification (§15.4). */
export const ALERT_CATEGORY = {
  /** Simple alert. */
  simple: 0x00,
  /** E-mail. */
  email: 0x01,
  /** News. */
  news: 0x02,
  /** Incoming call; count 00 stops the call screen. */
  incomingCall: 0x03,
  /** Missed call. */
  missedCall: 0x04,
  /** SMS or message. */
  sms: 0x05,
  /** Voice mail. */
  voiceMail: 0x06,
  /** Schedule. */
  schedule: 0x07,
  /** High-priority alert. */
  highPriority: 0x08,
  /** Instant message. */
  instantMessage: 0x09,
  /** Huami custom: an icon id byte follows the count. */
  custom: 0xfa,
  /** Any category. */
  any: 0xff,
} as const;

/** Alert levels written to 0x2A06 Immediate Alert, write without response (§15.2, §21). */
export const ALERT_LEVEL = {
  /** Stop vibrating. */
  none: 0x00,
  /** Short "message" vibration. */
  message: 0x01,
  /** Long "phone call" vibration. */
  phoneCall: 0x02,
  /** Vibrate only; used for find my band. */
  vibrate: 0x03,
} as const;

/** Presence flags, byte 0 of a chunked type 3 music state (§16.1). */
export const MUSIC_FLAG = {
  /** State block `SS 00 PP PP` follows. */
  state: 0x01,
  /** Artist string follows. */
  artist: 0x02,
  /** Album string follows. */
  album: 0x04,
  /** Track string follows. */
  track: 0x08,
  /** Duration u16 LE follows. */
  duration: 0x10,
  /** Nothing playing (carries no field of its own). */
  nothingPlaying: 0x20,
  /** Volume byte follows. */
  volume: 0x40,
} as const;

/** Record selectors, byte 0 of a chunked type 1 weather message (§19.1). */
export const WEATHER_RECORD = {
  /** Forecast days. */
  forecast: 0x01,
  /** Current conditions. */
  current: 0x02,
  /** Air quality index. */
  airQuality: 0x04,
  /** Location name. */
  location: 0x08,
  /** Sunrise and sunset, Mi Band 5 and later only. */
  sunriseSunset: 0x10,
  /** Wind and humidity, Mi Band 5 and later only. */
  windHumidity: 0x40,
} as const;

/** Message selectors, byte 0 of a chunked type 2 "config 2" payload (§20.1, §25). */
export const CONFIG2 = {
  /** `0b ID FLAGS …`: event reminder slot. */
  reminder: 0x0b,
  /** `1e` + 4-byte entries: menu items and their order. */
  displayItems: 0x1e,
  /** `20 TYPE FLAG …`: vibration pattern. */
  vibrationPattern: 0x20,
} as const;
