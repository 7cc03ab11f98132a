// Band side of §5.2/§5.3 (rules §5.7). Replies echo the request's flow, so Flow A
// gets `10 02 01`/`10 03 01` and Flow B gets `10 82 01`/`10 83 01`.
import {
  type AuthFlow,
  encodeAuthStatus,
  encodeChallengeReply,
  parseAuthCommand,
  verifyAuthAnswer,
} from "../protocol/auth.ts";
import { CHARACTERISTIC, RESPONSE } from "../protocol/constants.ts";
import type { BandContext } from "./band_context.ts";

/** One connection's authentication exchange on 0x0009. */
export class AuthSession {
  #context: BandContext;
  #challenge: Uint8Array | null = null;

  constructor(context: BandContext) {
    this.#context = context;
  }

  /** Handles a write to 0x0009 and notifies the band's answer. */
  async handleWrite(value: Uint8Array): Promise<void> {
    let command;
    try {
      command = parseAuthCommand(value);
    } catch {
      // A malformed answer still consumes the challenge and fails, as a wrong one would.
      if ((value[0] & 0x0f) === 3) {
        return this.#answerFailed(value[0] & 0x80 ? "b" : "a", true);
      }
      return;
    }
    if (command.kind === "requestChallenge") {
      return this.#sendChallenge(command.flow);
    }
    // The band 4 key is server-assigned, so a legacy send-key step can only fail (§5.4).
    if (command.kind === "sendKey") {
      return this.#send(encodeAuthStatus("sendKey", RESPONSE.failure, command));
    }
    const challenge = this.#challenge;
    if (!challenge) {
      return this.#send(encodeAuthStatus("answer", RESPONSE.failure, command));
    }
    this.#challenge = null;
    const ok = await verifyAuthAnswer(
      this.#context.state.key,
      challenge,
      command.encrypted,
    );
    if (!ok) return this.#answerFailed(command.flow, false);
    this.#context.state.authenticated = true;
    this.#send(encodeAuthStatus("answer", RESPONSE.success, command));
  }

  /** Forgets the pending challenge and the authenticated flag, as on a disconnect. */
  reset(): void {
    this.#challenge = null;
    this.#context.state.authenticated = false;
  }

  #sendChallenge(flow: AuthFlow): void {
    this.#challenge = this.#context.randomBytes(16);
    this.#send(encodeChallengeReply(this.#challenge, { flow }));
  }

  // The real band answers a wrong Flow A key with 08; Gadgetbridge expects 04 in Flow B (§5.7).
  #answerFailed(flow: AuthFlow, consume: boolean): void {
    if (consume) this.#challenge = null;
    this.#send(
      encodeAuthStatus(
        "answer",
        flow === "b" ? RESPONSE.failure : RESPONSE.wrongKey,
        { flow },
      ),
    );
  }

  #send(value: Uint8Array): void {
    this.#context.notify(CHARACTERISTIC.auth, value);
  }
}
