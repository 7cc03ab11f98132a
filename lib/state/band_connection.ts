// The one live connection to the band on a band's page, shared by the
// connection island (which connects, reconnects and syncs) and the feature
// cards (which call the band through `withBand`).
import { signal } from "@preact/signals";
import type { MiBand4 } from "../ble/mi_band4.ts";

/** Where the page's connection to the band stands. */
export type ConnectionStatus =
  | "idle"
  | "choosing"
  | "connecting"
  | "authenticating"
  | "connected"
  | "syncing"
  | "error";

/** A message for the person: what happened and what to do. */
export interface UserMessage {
  title: string;
  action: string;
}

/** The connection's current status. */
export const connectionStatus = signal<ConnectionStatus>("idle");
/** The connected band, or null. */
export const connectedBand = signal<MiBand4 | null>(null);
/** The last connection or operation error, or null. */
export const connectionError = signal<UserMessage | null>(null);

/** Connects (or reconnects) the page's band; installed by the connection island. */
export type Connector = () => Promise<MiBand4>;
/** Turns any error into a message for the person; installed by the connection island. */
export type ErrorDescriber = (error: unknown) => UserMessage;

let connector: Connector | undefined;
let describe: ErrorDescriber = (error) => ({
  title: error instanceof Error ? error.message : String(error),
  action: "Try again.",
});

/** Installs how this page connects to its band and how it explains errors. */
export function installConnector(
  connect: Connector,
  describeError?: ErrorDescriber,
): void {
  connector = connect;
  if (describeError) describe = describeError;
}

/**
 * Runs one band operation, connecting first when the band is not connected
 * (a band lost mid-operation reconnects lazily before the next one). Errors are
 * published in `connectionError` and rethrown.
 */
export async function withBand<T>(
  operation: (band: MiBand4) => Promise<T>,
): Promise<T> {
  try {
    let band = connectedBand.value;
    if (!band || !band.connected) {
      if (!connector) {
        throw new Error("Cannot reach the band: connect it first");
      }
      band = await connector();
    }
    const result = await operation(band);
    connectionError.value = null;
    return result;
  } catch (error) {
    connectionError.value = describe(error);
    throw error;
  }
}
