/** Listener for one characteristic's notifications; receives a fresh copy of the value. */
export type NotificationListener = (value: Uint8Array) => void;

/** How a write reaches the band: the call must match the characteristic's properties. */
export interface WriteOptions {
  /** True for a write with response (ATT Write Request), false for write without response. */
  withResponse: boolean;
}

/**
 * The GATT operations the band protocol needs, in bytes only.
 *
 * Service and characteristic ids are full lowercase 128-bit UUID strings from
 * `lib/protocol/constants.ts`. Implemented by the Web Bluetooth adapter and by
 * the simulator; the GATT queue wraps one to serialize operations.
 */
export interface GattTransport {
  /** Reads a characteristic value. */
  read(service: string, characteristic: string): Promise<Uint8Array>;
  /** Writes a value with or without response. */
  write(
    service: string,
    characteristic: string,
    value: Uint8Array,
    options: WriteOptions,
  ): Promise<void>;
  /** Starts notifications and routes them to `listener`; resolves to a function that stops them. */
  subscribe(
    service: string,
    characteristic: string,
    listener: NotificationListener,
  ): Promise<() => Promise<void>>;
  /** Registers a callback for a dropped link; returns a function that unregisters it. */
  onDisconnect(listener: () => void): () => void;
  /** Drops the link on purpose. */
  disconnect(): void;
  /** Whether the link is up now. */
  readonly connected: boolean;
}
