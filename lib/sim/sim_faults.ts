// Fault plans for SimTransport: each is armed by a test and consumed when it fires,
// so a test states exactly which packet or operation goes wrong.
import type { GattErrorName } from "./gatt_error.ts";

/** Selects notifications: on one characteristic (any when omitted), the nth match from now (0-based). */
export interface NotificationMatch {
  /** Characteristic UUID; any characteristic when omitted. */
  characteristic?: string;
  /** Which matching notification, counted from when the fault is armed (default 0). */
  index?: number;
}

/** Selects a write: on one characteristic, optionally only when the value starts with `prefix`. */
export interface WriteMatch {
  /** Characteristic UUID. */
  characteristic: string;
  /** Leading bytes the written value must start with. */
  prefix?: number[];
}

/** What happens to one notification. */
export type PacketFault = "lose" | "duplicate" | "corrupt";

interface PacketPlan {
  fault: PacketFault;
  characteristic?: string;
  remaining: number;
}

/** The faults armed on one SimTransport. */
export class SimFaults {
  #packets: PacketPlan[] = [];
  #dropAfter: number | null = null;
  #dropOnWrite: WriteMatch[] = [];
  #nextError: { name: GattErrorName; message: string } | null = null;
  /** Extra delay added to every notification, in ms. */
  notificationDelayMs = 0;
  /** When true the band neither notifies nor completes operations. */
  silent = false;

  /** Drops the link after `count` more notifications have been delivered. */
  dropLinkAfterPackets(count: number): void {
    this.#dropAfter = count;
  }

  /** Drops the link instead of performing a matching write (a step of a dialogue). */
  dropLinkOnWrite(match: WriteMatch): void {
    this.#dropOnWrite.push(match);
  }

  /** Makes the next read, write or subscribe fail with a GATT error. */
  failNextOperation(
    name: GattErrorName = "NetworkError",
    message = "GATT operation failed for unknown reason.",
  ): void {
    this.#nextError = { name, message };
  }

  /** Loses one matching notification. */
  loseNotification(match: NotificationMatch = {}): void {
    this.#addPacket("lose", match);
  }

  /** Delivers one matching notification twice. */
  duplicateNotification(match: NotificationMatch = {}): void {
    this.#addPacket("duplicate", match);
  }

  /** Flips every bit of the last byte of one matching notification. */
  corruptNotification(match: NotificationMatch = {}): void {
    this.#addPacket("corrupt", match);
  }

  /** Delays every notification by `ms` on top of the link latency, e.g. beyond a client timeout. */
  delayReplies(ms: number): void {
    this.notificationDelayMs = ms;
  }

  /** Makes the band go quiet: no notifications, operations never complete. */
  stopAnswering(): void {
    this.silent = true;
  }

  /** Takes the armed operation error, if any. */
  takeOperationError(): { name: GattErrorName; message: string } | null {
    const error = this.#nextError;
    this.#nextError = null;
    return error;
  }

  /** Whether a write must drop the link instead of reaching the band (consumes the plan). */
  takeDropOnWrite(characteristic: string, value: Uint8Array): boolean {
    const i = this.#dropOnWrite.findIndex((m) =>
      m.characteristic === characteristic &&
      (m.prefix ?? []).every((b, k) => value[k] === b)
    );
    if (i < 0) return false;
    this.#dropOnWrite.splice(i, 1);
    return true;
  }

  /** Decides the faults of one notification about to be delivered; every armed plan counts it. */
  takePacketFaults(characteristic: string): Set<PacketFault> {
    const faults = new Set<PacketFault>();
    for (const plan of [...this.#packets]) {
      if (
        plan.characteristic !== undefined &&
        plan.characteristic !== characteristic
      ) continue;
      if (plan.remaining-- > 0) continue;
      this.#packets.splice(this.#packets.indexOf(plan), 1);
      faults.add(plan.fault);
    }
    return faults;
  }

  /** Counts one delivered notification; true when the link must now drop. */
  countDelivered(): boolean {
    if (this.#dropAfter === null) return false;
    this.#dropAfter--;
    if (this.#dropAfter > 0) return false;
    this.#dropAfter = null;
    return true;
  }

  #addPacket(fault: PacketFault, match: NotificationMatch): void {
    this.#packets.push({
      fault,
      characteristic: match.characteristic,
      remaining: match.index ?? 0,
    });
  }
}
