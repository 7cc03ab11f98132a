// What every feature group of the MiBand4 facade shares: the one queued transport of
// the connection, its 0x0003 command channel and the error sink for background work.

import type { GattTransport } from "../transport.ts";
import type { CommandChannel } from "../ops/command_channel.ts";

/** The connection-wide handles a feature group delegates to. */
export interface BandLink {
  /** The connection's GATT queue; every op goes through it. */
  readonly transport: GattTransport;
  /** The 0x0003 configuration channel that pairs commands with replies. */
  readonly channel: CommandChannel;
  /** Receives errors raised in repeated or background writes. */
  readonly onError: (err: unknown) => void;
}
