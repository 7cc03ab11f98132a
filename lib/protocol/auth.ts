// Authentication on Huami 0x0009 in 0xFEE1 (§5), writes without response:
//   Flow A  → 02 00                  ← 10 02 01 R(16)   → 03 00 E(16)   ← 10 03 01|08|04
//   Flow B  → 82 00 02 01 00         ← 10 82 01 R(16)   → 83 00 E(16)   ← 10 83 01|04
//   reply:  [0] 10  [1] echoed command (bit 7 = crypt flag, low nibble = step)  [2] status
// E = AES-128-ECB(key, R), computed as the first block of AES-CBC with a zero IV
// because WebCrypto has no ECB mode (§5.5).
// Flow A is the default: every browser client and the real-band captures use it (§5.3);
// pass { flow: "b" } to switch to Gadgetbridge's crypt-flag variant.

import { AUTH, RESPONSE } from "./constants.ts";
import { AuthError, formatHex, ProtocolError } from "./errors.ts";

/** Which authentication variant: "a" plain (recommended), "b" Gadgetbridge crypt flag. */
export type AuthFlow = "a" | "b";

/** Options selecting the authentication flow. */
export interface AuthFlowOptions {
  /** Defaults to "a". */
  flow?: AuthFlow;
}

/** A band → client notification on 0x0009, classified. */
export type AuthReply =
  | { kind: "challenge"; flow: AuthFlow; challenge: Uint8Array }
  | { kind: "success"; flow: AuthFlow }
  | { kind: "wrongKey"; flow: AuthFlow; status: number }
  | {
    kind: "failure";
    flow: AuthFlow;
    step: "sendKey" | "challenge" | "answer";
    status: number;
  }
  | { kind: "keyStored"; flow: AuthFlow };

/** A client → band write on 0x0009, classified (for the simulator). */
export type AuthCommand =
  | { kind: "requestChallenge"; flow: AuthFlow }
  | { kind: "answer"; flow: AuthFlow; encrypted: Uint8Array }
  | { kind: "sendKey"; flow: AuthFlow };

const KEY_LENGTH = 16;
const STEP_NAMES = { 1: "sendKey", 2: "challenge", 3: "answer" } as const;

/**
 * Turns the key the user typed into 16 bytes.
 *
 * Accepts 32 hex digits in any case, with an optional 0x prefix and surrounding
 * spaces; error messages describe the problem without repeating the key.
 */
export function parseAuthKey(text: string): Uint8Array {
  let digits = text.trim();
  if (digits.startsWith("0x") || digits.startsWith("0X")) {
    digits = digits.slice(2);
  }
  if (digits.length !== KEY_LENGTH * 2) {
    throw new RangeError(
      `Cannot read auth key: expected 32 hex digits (optionally after 0x), got ${digits.length} characters`,
    );
  }
  const bad = digits.search(/[^0-9a-fA-F]/);
  if (bad !== -1) {
    throw new RangeError(
      `Cannot read auth key: character ${bad + 1} is not a hex digit`,
    );
  }
  const key = new Uint8Array(KEY_LENGTH);
  for (let i = 0; i < KEY_LENGTH; i++) {
    key[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  }
  return key;
}

/** Encodes the challenge request: `02 00` (Flow A) or `82 00 02 01 00` (Flow B). */
export function encodeChallengeRequest(
  options: AuthFlowOptions = {},
): Uint8Array {
  return options.flow === "b"
    ? Uint8Array.of(
      AUTH.cryptFlag | AUTH.requestChallenge,
      AUTH.authFlags,
      0x02,
      0x01,
      0x00,
    )
    : Uint8Array.of(AUTH.requestChallenge, AUTH.authFlags);
}

/** Encodes the answer `03 00` + E (Flow A) or `83 00` + E (Flow B). */
export function encodeAuthAnswer(
  encrypted: Uint8Array,
  options: AuthFlowOptions = {},
): Uint8Array {
  expectBlock(encrypted, "encode auth answer", "encrypted challenge");
  const out = new Uint8Array(2 + KEY_LENGTH);
  out[0] = commandByte(AUTH.sendAnswer, options.flow);
  out[1] = AUTH.authFlags;
  out.set(encrypted, 2);
  return out;
}

/** Encrypts a 16-byte challenge with the 16-byte key: AES-128-ECB via WebCrypto AES-CBC and a zero IV. */
export async function encryptChallenge(
  key: Uint8Array,
  challenge: Uint8Array,
): Promise<Uint8Array> {
  expectBlock(key, "encrypt challenge", "key");
  expectBlock(challenge, "encrypt challenge", "challenge");
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    key.slice(),
    "AES-CBC",
    false,
    ["encrypt"],
  );
  const out = await crypto.subtle.encrypt(
    { name: "AES-CBC", iv: new Uint8Array(16) },
    cryptoKey,
    challenge.slice(),
  );
  // WebCrypto always appends a PKCS#7 padding block; the first block is the ECB result.
  return new Uint8Array(out, 0, KEY_LENGTH).slice();
}

/** Checks an answer against the key and challenge (simulator side); compares every byte. */
export async function verifyAuthAnswer(
  key: Uint8Array,
  challenge: Uint8Array,
  encrypted: Uint8Array,
): Promise<boolean> {
  if (encrypted.length !== KEY_LENGTH) return false;
  const expected = await encryptChallenge(key, challenge);
  let diff = 0;
  for (let i = 0; i < KEY_LENGTH; i++) diff |= expected[i] ^ encrypted[i];
  return diff === 0;
}

/** Classifies a 0x0009 notification from the band. */
export function parseAuthReply(bytes: Uint8Array): AuthReply {
  if (bytes.length < 3) {
    throw new RangeError(
      `Cannot parse auth reply: expected at least 3 bytes, got ${bytes.length}`,
    );
  }
  if (
    bytes[0] !== RESPONSE.header || (bytes[1] & 0x70) !== 0 ||
    !((bytes[1] & AUTH.stepMask) in STEP_NAMES)
  ) {
    throw new ProtocolError(
      `Cannot parse auth reply: not a reply to an auth command (${
        formatHex(bytes)
      })`,
      {
        opcode: bytes[0],
        bytes,
      },
    );
  }
  const flow: AuthFlow = bytes[1] & AUTH.cryptFlag ? "b" : "a";
  const step = STEP_NAMES[(bytes[1] & AUTH.stepMask) as 1 | 2 | 3];
  const status = bytes[2];
  if (status !== RESPONSE.success) {
    if (step === "answer" && status === RESPONSE.wrongKey) {
      return { kind: "wrongKey", flow, status };
    }
    return { kind: "failure", flow, step, status };
  }
  if (step === "challenge") {
    if (bytes.length !== 3 + KEY_LENGTH) {
      throw new RangeError(
        `Cannot parse auth challenge: expected 19 bytes, got ${bytes.length}`,
      );
    }
    return { kind: "challenge", flow, challenge: bytes.slice(3) };
  }
  return step === "answer"
    ? { kind: "success", flow }
    : { kind: "keyStored", flow };
}

/** Returns the challenge from a reply, or throws AuthError if the band refused to give one. */
export function expectChallenge(bytes: Uint8Array): Uint8Array {
  const reply = parseAuthReply(bytes);
  if (reply.kind === "challenge") return reply.challenge;
  if (reply.kind === "failure" && reply.step === "challenge") {
    throw new AuthError(
      `Cannot authenticate band: band refused the challenge request (reply ${
        formatHex(bytes)
      })`,
      {
        status: reply.status,
        bytes,
      },
    );
  }
  throw new ProtocolError(
    `Cannot authenticate band: expected a challenge, got ${formatHex(bytes)}`,
    {
      opcode: bytes[1],
      bytes,
    },
  );
}

/** Returns quietly if the reply confirms authentication; throws AuthError if the band rejected the answer. */
export function expectAuthenticated(bytes: Uint8Array): void {
  const reply = parseAuthReply(bytes);
  if (reply.kind === "success") return;
  if (reply.kind === "wrongKey") {
    throw new AuthError(
      `Cannot authenticate band: band rejected the key (reply ${
        formatHex(bytes)
      })`,
      {
        status: reply.status,
        bytes,
      },
    );
  }
  if (reply.kind === "failure" && reply.step === "answer") {
    throw new AuthError(
      `Cannot authenticate band: band reported a failure (reply ${
        formatHex(bytes)
      })`,
      {
        status: reply.status,
        bytes,
      },
    );
  }
  throw new ProtocolError(
    `Cannot authenticate band: expected the answer's result, got ${
      formatHex(bytes)
    }`,
    {
      opcode: bytes[1],
      bytes,
    },
  );
}

/** Classifies a client write on 0x0009 (simulator side). */
export function parseAuthCommand(bytes: Uint8Array): AuthCommand {
  if (bytes.length < 2) {
    throw new RangeError(
      `Cannot parse auth command: expected at least 2 bytes, got ${bytes.length}`,
    );
  }
  const flow: AuthFlow = bytes[0] & AUTH.cryptFlag ? "b" : "a";
  const command = bytes[0] & ~AUTH.cryptFlag;
  if (command === AUTH.requestChallenge) {
    return { kind: "requestChallenge", flow };
  }
  if (command === AUTH.sendAnswer) {
    if (bytes.length !== 2 + KEY_LENGTH) {
      throw new RangeError(
        `Cannot parse auth answer: expected 18 bytes, got ${bytes.length}`,
      );
    }
    return { kind: "answer", flow, encrypted: bytes.slice(2) };
  }
  if (command === AUTH.sendKey) return { kind: "sendKey", flow };
  throw new ProtocolError(
    `Cannot parse auth command: unknown command ${
      formatHex(bytes.subarray(0, 1))
    }`,
    {
      opcode: bytes[0],
      bytes,
    },
  );
}

/** Encodes the band's challenge notification `10 02 01` + R, echoing the flow's command byte. */
export function encodeChallengeReply(
  challenge: Uint8Array,
  options: AuthFlowOptions = {},
): Uint8Array {
  expectBlock(challenge, "encode challenge reply", "challenge");
  const out = new Uint8Array(3 + KEY_LENGTH);
  out.set([
    RESPONSE.header,
    commandByte(AUTH.requestChallenge, options.flow),
    RESPONSE.success,
  ]);
  out.set(challenge, 3);
  return out;
}

/** Encodes a band status notification `10 <command> <status>` for an auth step (simulator side). */
export function encodeAuthStatus(
  step: "sendKey" | "challenge" | "answer",
  status: number,
  options: AuthFlowOptions = {},
): Uint8Array {
  const command = step === "sendKey"
    ? AUTH.sendKey
    : step === "challenge"
    ? AUTH.requestChallenge
    : AUTH.sendAnswer;
  return Uint8Array.of(
    RESPONSE.header,
    commandByte(command, options.flow),
    status & 0xff,
  );
}

function commandByte(command: number, flow: AuthFlow | undefined): number {
  return flow === "b" ? AUTH.cryptFlag | command : command;
}

function expectBlock(bytes: Uint8Array, action: string, what: string): void {
  if (bytes.length !== KEY_LENGTH) {
    throw new RangeError(
      `Cannot ${action}: ${what} must be 16 bytes, got ${bytes.length}`,
    );
  }
}
