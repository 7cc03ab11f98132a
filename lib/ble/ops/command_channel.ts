// Commands on 0x0003 (configuration) answer on the same characteristic with
// `10 <echo> <status>` (§22.1). Replies carry no request id, so one command at a
// time waits for its reply and anything that does not echo it is skipped.

import { CHARACTERISTIC, CONFIG, SERVICE } from "../../protocol/constants.ts";
import {
  expectConfigSuccess,
  parseConfigResponse,
} from "../../protocol/general_config.ts";
import type { GattTransport } from "../transport.ts";
import { BleError } from "../errors.ts";
import { NotificationInbox } from "../notification_inbox.ts";
import { translateProtocolError } from "./translate_error.ts";

/** Options for one configuration command. */
export interface CommandOptions {
  /** Whether a notification answers this command (default: a `10 <echo> SS` reply echoing it). */
  isReply?: (reply: Uint8Array) => boolean;
  /** What the command does, for error messages ("set alarm"). */
  what: string;
  /** Whether silence is an error; the band is not known to answer every command (default false). */
  replyRequired?: boolean;
  /** Aborts the wait for the reply. */
  signal?: AbortSignal;
}

/** Default wait for a 0x0003 reply, in milliseconds. */
const DEFAULT_REPLY_TIMEOUT_MS = 3_000;

/** The 0x0003 configuration channel of one connection: write a command, await its echo. */
export class CommandChannel {
  #transport: GattTransport;
  #inbox = new NotificationInbox();
  #replyTimeoutMs: number;
  #busy: Promise<unknown> = Promise.resolve();
  #stop: (() => Promise<void>) | null = null;

  private constructor(transport: GattTransport, replyTimeoutMs: number) {
    this.#transport = transport;
    this.#replyTimeoutMs = replyTimeoutMs;
    transport.onDisconnect(() =>
      this.#inbox.fail(
        new BleError(
          "disconnected",
          "Cannot configure band: the band disconnected",
        ),
      )
    );
  }

  /** Subscribes to 0x0003 and returns the channel. */
  static async open(
    transport: GattTransport,
    options: { replyTimeoutMs?: number } = {},
  ): Promise<CommandChannel> {
    const channel = new CommandChannel(
      transport,
      options.replyTimeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS,
    );
    channel.#stop = await transport.subscribe(
      SERVICE.miBand1,
      CHARACTERISTIC.configuration,
      channel.#inbox.push,
    );
    return channel;
  }

  /** Writes `bytes` to 0x0003 and resolves with the band's reply, or null when it stayed silent. */
  send(bytes: Uint8Array, options: CommandOptions): Promise<Uint8Array | null> {
    const run = this.#busy.then(() => this.#send(bytes, options));
    this.#busy = run.catch(() => {});
    return run;
  }

  /** Stops notifications on 0x0003. */
  async close(): Promise<void> {
    await this.#stop?.();
    this.#stop = null;
  }

  async #send(
    bytes: Uint8Array,
    options: CommandOptions,
  ): Promise<Uint8Array | null> {
    this.#inbox.clear();
    await this.#transport.write(
      SERVICE.miBand1,
      CHARACTERISTIC.configuration,
      bytes,
      {
        withResponse: false,
      },
    );
    const deadline = Date.now() + this.#replyTimeoutMs;
    while (true) {
      let reply: Uint8Array;
      try {
        reply = await this.#inbox.next({
          timeoutMs: Math.max(0, deadline - Date.now()),
          signal: options.signal,
          what: `the answer to "${options.what}"`,
        });
      } catch (err) {
        if (
          err instanceof BleError && err.code === "timeout" &&
          !options.replyRequired
        ) {
          return null;
        }
        throw err;
      }
      const isReply = options.isReply ??
        ((r: Uint8Array) => echoesCommand(r, bytes));
      if (!isReply(reply)) continue;
      if (!options.isReply) {
        translateProtocolError(() => expectConfigSuccess(reply, bytes));
      }
      return reply;
    }
  }
}

function echoesCommand(reply: Uint8Array, command: Uint8Array): boolean {
  try {
    const response = parseConfigResponse(reply);
    return response.command === command[0] &&
      (command[0] !== CONFIG.endpoint || response.endpoint === command[1]);
  } catch {
    return false;
  }
}
