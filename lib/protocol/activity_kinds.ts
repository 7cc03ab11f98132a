// Activity kinds (§11.4): the band sets flag bits in the upper nibble of a sample's
// kind byte; only the low nibble names the class. What the kinds mean for a
// minute (normalisation, classes, figures) lives in lib/minute, not here.
//   0 noChange  1 activity  2 running  3 nonWear  4 rideBike  6 charging
//   9 lightSleep  10 ignore  11 deepSleep  12 wakeUp  others unknown

/** Mask of the kind byte's class bits. */
export const KIND_CLASS_MASK = 0x0f;

/** Low-nibble values of the kind byte. */
export const ACTIVITY_KIND = {
  /** Same kind as the minute before. */
  noChange: 0,
  /** Walking or generic movement. */
  activity: 1,
  running: 2,
  /** Band off the wrist. */
  nonWear: 3,
  rideBike: 4,
  charging: 6,
  lightSleep: 9,
  /** Not to be used on its own: takes the kind before, like noChange. */
  ignore: 10,
  deepSleep: 11,
  /** The band saw the person wake. */
  wakeUp: 12,
} as const;
