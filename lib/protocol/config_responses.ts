// Replies to general configuration on Huami 0x0003 (§22.1), also the 0x0008 form:
//   [0] 10  [1] echo of byte 0  [2] status                        e.g. 10 1a 01
//   [0] 10  [1] 06  [2] setting  [3] 00  [4] status               endpoint commands
//   status  01 success | 02 busy | 04 failure (RESPONSE)

import { expectConfigLength } from "./config_frame.ts";
import { CONFIG, RESPONSE } from "./constants.ts";
import { formatHex, ProtocolError } from "./errors.ts";

/** Status of a configuration reply. */
export type ConfigStatus = "success" | "busy" | "failure" | "unknown";

/** A decoded `10 …` configuration reply. */
export interface ConfigResponse {
  /** Byte 0 of the command answered. */
  command: number;
  /** Setting byte of a 06 endpoint command, else undefined. */
  endpoint?: number;
  /** Meaning of the status byte. */
  status: ConfigStatus;
  /** The raw status byte. */
  statusByte: number;
}

/** Encodes the band's reply to a command: `10` + echo + status; for the simulator. */
export function encodeConfigResponse(
  command: Uint8Array,
  statusByte: number = RESPONSE.success,
): Uint8Array {
  if (command.length < 1) {
    throw new RangeError("Cannot encode configuration reply: command is empty");
  }
  const echoLength = command[0] === CONFIG.endpoint ? 3 : 1;
  if (command.length < echoLength) {
    throw new RangeError(
      `Cannot encode configuration reply: endpoint command has ${command.length} bytes`,
    );
  }
  return Uint8Array.of(
    RESPONSE.header,
    ...command.subarray(0, echoLength),
    statusByte & 0xff,
  );
}

/** Parses a `10 CC SS` or `10 06 XX 00 SS` configuration reply (also the 0x0008 form). */
export function parseConfigResponse(bytes: Uint8Array): ConfigResponse {
  if (bytes.length < 3) {
    throw new RangeError(
      `Cannot parse configuration reply: expected at least 3 bytes, got ${bytes.length}`,
    );
  }
  if (bytes[0] !== RESPONSE.header) {
    throw new ProtocolError(
      `Cannot parse configuration reply: byte 0 is ${bytes[0]}, expected 0x10`,
      { bytes },
    );
  }
  const isEndpoint = bytes[1] === CONFIG.endpoint;
  expectConfigLength(bytes, [isEndpoint ? 5 : 3]);
  if (isEndpoint && bytes[3] !== 0) {
    throw new ProtocolError(
      "Cannot parse configuration reply: endpoint echo is not 06 XX 00",
      {
        opcode: bytes[1],
        bytes,
      },
    );
  }
  const statusByte = bytes[bytes.length - 1];
  return {
    command: bytes[1],
    ...(isEndpoint ? { endpoint: bytes[2] } : {}),
    status: statusOf(statusByte),
    statusByte,
  };
}

/** Throws a ProtocolError unless the reply acknowledges this command with success. */
export function expectConfigSuccess(
  reply: Uint8Array,
  command: Uint8Array,
): void {
  const expected = encodeConfigResponse(command);
  const response = parseConfigResponse(reply);
  const echoMatches =
    formatHex(reply.subarray(0, -1)) === formatHex(expected.subarray(0, -1));
  if (!echoMatches || response.status !== "success") {
    throw new ProtocolError(
      `Cannot apply setting: band answered ${
        formatHex(reply)
      } (${response.status}) to ${
        formatHex(command.subarray(0, expected.length - 2))
      }`,
      { opcode: command[0], bytes: reply },
    );
  }
}

function statusOf(byte: number): ConfigStatus {
  if (byte === RESPONSE.success) return "success";
  if (byte === RESPONSE.busy) return "busy";
  if (byte === RESPONSE.failure) return "failure";
  return "unknown";
}
