// The one error of opening a band that the band page explains before any
// Bluetooth code has loaded, so it lives apart from open_band.ts (which pulls
// in the whole Bluetooth stack).

/** Thrown when no granted device is known and the person must pick the band in the chooser. */
export class ChooserNeededError extends Error {
  /** Builds the error for a band. */
  constructor() {
    super(
      "Cannot connect without the chooser: choose the band in Chrome's list",
    );
    this.name = "ChooserNeededError";
  }
}
