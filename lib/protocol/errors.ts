// Errors thrown by protocol parsers. A wrong length is a plain RangeError; these two
// cover replies that have the right shape but the wrong meaning.

/** Formats bytes as lowercase space-separated hex, the notation of the spec and of error messages. */
export function formatHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
}

/** Options for a ProtocolError: the command byte the reply concerns and the raw bytes. */
export interface ProtocolErrorOptions {
  /** Command or event code the unexpected bytes belong to; absent for a bare field such as a date. */
  opcode?: number;
  /** The offending bytes, kept as a copy so later buffer reuse cannot change them. */
  bytes: Uint8Array;
  /** Underlying cause, if any. */
  cause?: unknown;
}

/** The band sent something of the right length that the protocol does not allow here. */
export class ProtocolError extends Error {
  /** Command or event code the reply concerns; undefined for a bare field such as a date. */
  readonly opcode: number | undefined;
  /** The offending bytes. */
  readonly bytes: Uint8Array;
  /** The offending bytes as lowercase space-separated hex. */
  readonly hex: string;

  constructor(message: string, options: ProtocolErrorOptions) {
    super(message, { cause: options.cause });
    this.name = "ProtocolError";
    this.opcode = options.opcode;
    this.bytes = options.bytes.slice();
    this.hex = formatHex(this.bytes);
  }
}

/** The band rejected the authentication answer (wrong key) or refused authentication. */
export class AuthError extends Error {
  /** Status byte of the reply: 0x08 wrong key, 0x04 failure. */
  readonly status: number;
  /** The reply as lowercase space-separated hex (never contains the key). */
  readonly hex: string;

  constructor(message: string, options: { status: number; bytes: Uint8Array }) {
    super(message);
    this.name = "AuthError";
    this.status = options.status;
    this.hex = formatHex(options.bytes);
  }
}
