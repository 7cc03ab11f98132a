// Flow A of §5.2: subscribe to 0x0009 first, ask for a challenge, answer with the
// AES-encrypted challenge. Protocol errors from the codec become BleErrors here so the
// UI sees one error type; the key itself never reaches a message.

import { CHARACTERISTIC, SERVICE } from "../../protocol/constants.ts";
import {
  encodeAuthAnswer,
  encodeChallengeRequest,
  encryptChallenge,
  expectAuthenticated,
  expectChallenge,
} from "../../protocol/auth.ts";
import type { GattTransport } from "../transport.ts";
import { BleError } from "../errors.ts";
import { NotificationInbox } from "../notification_inbox.ts";
import { toBleError } from "./translate_error.ts";

/** Options for authenticate(). */
export interface AuthenticateOptions {
  /** Aborts the exchange. */
  signal?: AbortSignal;
  /** Wait for each band reply, in milliseconds (default 10 000, spec §27.6). */
  timeoutMs?: number;
}

/** Proves knowledge of the 16-byte key to the band; required after every connection. */
export async function authenticate(
  transport: GattTransport,
  key: Uint8Array,
  options: AuthenticateOptions = {},
): Promise<void> {
  if (key.length !== 16) {
    throw new BleError(
      "wrong_key",
      `Cannot authenticate band: the key has ${key.length} bytes, expected 16`,
    );
  }
  const inbox = new NotificationInbox();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const stopWatching = transport.onDisconnect(() =>
    inbox.fail(
      new BleError(
        "disconnected",
        "Cannot authenticate band: the band disconnected",
      ),
    )
  );
  const stop = await transport.subscribe(
    SERVICE.miBand2,
    CHARACTERISTIC.auth,
    inbox.push,
  );
  try {
    await write(transport, encodeChallengeRequest());
    const challenge = translate(() =>
      inbox.next({
        timeoutMs,
        signal: options.signal,
        what: "an auth challenge",
      })
        .then(expectChallenge)
    );
    const encrypted = await encryptChallenge(key, await challenge);
    await write(transport, encodeAuthAnswer(encrypted));
    await translate(() =>
      inbox.next({ timeoutMs, signal: options.signal, what: "the auth result" })
        .then(expectAuthenticated)
    );
  } finally {
    stopWatching();
    if (transport.connected) await stop().catch(() => {});
  }
}

function write(transport: GattTransport, bytes: Uint8Array): Promise<void> {
  return transport.write(SERVICE.miBand2, CHARACTERISTIC.auth, bytes, {
    withResponse: false,
  });
}

async function translate<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toBleError(err);
  }
}
