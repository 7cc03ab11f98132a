// Band side of the 0x0020 chunked channel (§4.2): part A's reassembler rebuilds
// messages, then each type goes to its decoder. The band never replies here.
import { type ChunkedMessage, ChunkReassembler } from "../protocol/chunked.ts";
import { CHUNK_TYPE } from "../protocol/constants.ts";
import type { BandContext } from "./band_context.ts";
import { applyChunkedMessage } from "./chunked_dispatch.ts";

/** One connection's chunk reassembly on 0x0020. */
export class ChunkedHandler {
  #context: BandContext;
  #reassembler = new ChunkReassembler();
  #received: ChunkedMessage[] = [];

  constructor(context: BandContext) {
    this.#context = context;
  }

  /** Every message completed on this connection, in order (for tests and the demo log). */
  get received(): readonly ChunkedMessage[] {
    return this.#received;
  }

  /** Feeds one chunk; a completed message is decoded into the band's state. */
  handleWrite(value: Uint8Array): void {
    let message;
    try {
      message = this.#reassembler.push(value);
    } catch {
      // A broken sequence loses the message, as on the band: there is no retransmission.
      return;
    }
    if (!message) return;
    // Only music gets through before authentication (§5.6).
    if (
      !this.#context.state.authenticated && message.type !== CHUNK_TYPE.music
    ) return;
    this.#received.push(message);
    applyChunkedMessage(this.#context.state, message);
  }

  /** Drops partial messages, as on a disconnect. */
  reset(): void {
    this.#reassembler.reset();
  }
}
