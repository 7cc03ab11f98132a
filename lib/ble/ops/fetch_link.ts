// One history transfer dialogue on 0x0004 (control) and 0x0005 (data), shared by
// activity and workout fetches (§11.1). Data packets go straight to the caller's sink
// as they arrive (no GATT I/O between them, §27.2); a sink that throws — a gap in
// the packet counter — ends the round with that error instead of a late reply.

import { CHARACTERISTIC, SERVICE } from "../../protocol/constants.ts";
import {
  encodeFetchAck,
  encodeFetchStart,
  encodeFetchTransfer,
  type FetchReply,
  parseFetchReply,
} from "../../protocol/activity_fetch.ts";
import type { ZonedDateTime } from "../../protocol/date_time.ts";
import { formatHex } from "../../protocol/errors.ts";
import type { GattTransport } from "../transport.ts";
import { BleError } from "../errors.ts";
import { NotificationInbox } from "../notification_inbox.ts";
import { toBleError, translateProtocolError } from "./translate_error.ts";

/** Default wait for a control reply, and for the next packet while streaming, in ms. */
const DEFAULT_FETCH_TIMEOUT_MS = 10_000;

/** Outcome of a start request. */
export type FetchStart = { kind: "empty" } | {
  kind: "started";
  first: ZonedDateTime;
};

/** Options shared by every step. */
export interface FetchStepOptions {
  /** Aborts the wait. */
  signal?: AbortSignal;
}

/** The 0x0004/0x0005 subscriptions of one fetch, with one method per dialogue step. */
export class FetchLink {
  #transport: GattTransport;
  #control = new NotificationInbox();
  #sink: (packet: Uint8Array) => void = () => {};
  #packets = 0;
  #timeoutMs: number;
  #stops: Array<() => Promise<void>> = [];
  #unwatch: () => void;

  private constructor(transport: GattTransport, timeoutMs: number) {
    this.#transport = transport;
    this.#timeoutMs = timeoutMs;
    this.#unwatch = transport.onDisconnect(() =>
      this.#control.fail(
        new BleError(
          "disconnected",
          "Cannot fetch history: the band disconnected mid-transfer",
        ),
      )
    );
  }

  /** Subscribes to both characteristics (control first, as Gadgetbridge does). */
  static async open(
    transport: GattTransport,
    timeoutMs = DEFAULT_FETCH_TIMEOUT_MS,
  ): Promise<FetchLink> {
    const link = new FetchLink(transport, timeoutMs);
    try {
      link.#stops.push(
        await transport.subscribe(
          SERVICE.miBand1,
          CHARACTERISTIC.fetchControl,
          link.#control.push,
        ),
      );
      link.#stops.push(
        await transport.subscribe(
          SERVICE.miBand1,
          CHARACTERISTIC.fetchData,
          (packet) => link.#onPacket(packet),
        ),
      );
    } catch (err) {
      await link.close();
      throw err;
    }
    return link;
  }

  /**
   * Sends a start date; resolves with the first sample's stamp, or "empty" when nothing is due.
   *
   * With `acknowledgeFirst`, the `03` for the previous round goes out just before, so its
   * reply is awaited together with the start reply instead of costing a round trip of its own.
   */
  async start(
    dataType: number,
    since: ZonedDateTime,
    options: FetchStepOptions & { acknowledgeFirst?: boolean } = {},
  ): Promise<FetchStart> {
    this.#control.clear();
    if (options.acknowledgeFirst) await this.#write(encodeFetchAck());
    await this.#write(encodeFetchStart(dataType, since));
    if (options.acknowledgeFirst) {
      const ack = await this.#reply("the acknowledgement reply", options);
      if (ack.kind !== "acknowledged") {
        throw refusal(ack, "acknowledge history");
      }
    }
    const reply = await this.#reply("the fetch start reply", options);
    if (reply.kind === "started") {
      return reply.count === 0
        ? { kind: "empty" }
        : { kind: "started", first: reply.first };
    }
    throw refusal(reply, "start history fetch");
  }

  /** Streams the data into `sink`; resolves true when the band reports the end, false on `10 02 04`. */
  async transfer(
    sink: (packet: Uint8Array) => void,
    options: FetchStepOptions = {},
  ): Promise<boolean> {
    this.#sink = sink;
    this.#packets = 0;
    try {
      await this.#write(encodeFetchTransfer());
      let seen = -1;
      while (true) {
        try {
          const reply = await this.#reply("the end of the transfer", options);
          if (reply.kind === "finished") return true;
          if (reply.kind === "refused" && reply.command === "transfer") {
            return false;
          }
          throw refusal(reply, "transfer history");
        } catch (err) {
          // Packets still flowing means the band is alive: keep waiting for its end reply.
          if (
            err instanceof BleError && err.code === "timeout" &&
            this.#packets !== seen
          ) {
            seen = this.#packets;
            continue;
          }
          throw err;
        }
      }
    } finally {
      this.#sink = () => {};
    }
  }

  /** Sends the `03` acknowledgement, letting the band drop the data, and awaits `10 03 01`. */
  async acknowledge(options: FetchStepOptions = {}): Promise<void> {
    this.#control.clear();
    await this.#write(encodeFetchAck());
    const reply = await this.#reply("the acknowledgement reply", options);
    if (reply.kind !== "acknowledged") {
      throw refusal(reply, "acknowledge history");
    }
  }

  /** Stops both subscriptions. */
  async close(): Promise<void> {
    this.#unwatch();
    for (const stop of this.#stops.splice(0).reverse()) {
      if (this.#transport.connected) await stop().catch(() => {});
    }
  }

  #onPacket(packet: Uint8Array): void {
    this.#packets++;
    try {
      this.#sink(packet);
    } catch (err) {
      this.#sink = () => {};
      this.#control.fail(toBleError(err));
    }
  }

  #write(bytes: Uint8Array): Promise<void> {
    return this.#transport.write(
      SERVICE.miBand1,
      CHARACTERISTIC.fetchControl,
      bytes,
      {
        withResponse: false,
      },
    );
  }

  async #reply(what: string, options: FetchStepOptions): Promise<FetchReply> {
    const bytes = await this.#control.next({
      timeoutMs: this.#timeoutMs,
      signal: options.signal,
      what,
    });
    return translateProtocolError(() => parseFetchReply(bytes));
  }
}

function refusal(reply: FetchReply, action: string): BleError {
  if (reply.kind === "refused" && reply.status === "busy") {
    return new BleError(
      "band_busy",
      `Cannot ${action}: the band is already sending history (status 02)`,
    );
  }
  const detail = reply.kind === "refused"
    ? `band answered ${reply.status} (status ${
      formatHex(Uint8Array.of(reply.code))
    })`
    : `unexpected ${reply.kind} reply`;
  return new BleError("protocol", `Cannot ${action}: ${detail}`);
}
