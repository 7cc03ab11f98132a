// Activity history fetch (§11): dialogue on Huami 0x0004, payload on 0x0005.
//   → 01 TT YY YY MM DD hh mm 00 ZZ      start date for data type TT (band-local, tz ZZ)
//   ← 10 01 01 CC CC CC CC <date-time 7> ZZ [00]  accepted: count u32 LE, first sample stamp
//   ← 10 01 SS (SS ≠ 01)                  refused (02 = already fetching)
//   → 02                                   start streaming
//   ← 0x0005: SQ + k × 4-byte samples     SQ from 00 per `02`, wraps ff → 00
//   ← 10 02 01 | 10 02 04                 transfer finished / failed
//   → 03                                   acknowledge (optional)
//   ← 10 03 01                             ack accepted
// The count's unit is undocumented; callers may only test it for zero (§11.1).

import { FETCH, RESPONSE } from "./constants.ts";
import {
  encodeFetchStamp,
  encodeZonedDateTime,
  parseFetchStamp,
  parseZonedDateTime,
  type ZonedDateTime,
} from "./date_time.ts";
import { formatHex, ProtocolError } from "./errors.ts";
import {
  type ActivitySample,
  decodeSamples,
  encodeSamples,
  SAMPLE_BYTES,
} from "../minute/sample.ts";

/** How the band answered a fetch step: 01 success, 02 busy, 04 failure, anything else unknown. */
export type FetchStatus = "success" | "busy" | "failure" | "unknown";

/** A 0x0004 notification from the band, classified. */
export type FetchReply =
  | { kind: "started"; count: number; first: ZonedDateTime }
  | { kind: "finished" }
  | { kind: "acknowledged" }
  | {
    kind: "refused";
    command: "start" | "transfer" | "ack";
    status: FetchStatus;
    code: number;
  };

/** A 0x0004 write from the client, classified (simulator side). */
export type FetchCommand =
  | { kind: "start"; dataType: number; since: ZonedDateTime }
  | { kind: "transfer" }
  | { kind: "ack" };

/** One 0x0005 payload packet. */
export interface ActivityPacket {
  /** Packet sequence number. */
  sequence: number;
  /** Samples carried, in order. */
  samples: ActivitySample[];
}

const COMMANDS = {
  [FETCH.startDate]: "start",
  [FETCH.transfer]: "transfer",
  [FETCH.ack]: "ack",
} as const;
const STATUSES: Record<number, FetchStatus> = {
  [RESPONSE.success]: "success",
  [RESPONSE.busy]: "busy",
  [RESPONSE.failure]: "failure",
};

/** Encodes the start-date request `01 TT` + short date-time + `00` + tz (10 bytes). */
export function encodeFetchStart(
  dataType: number,
  since: ZonedDateTime,
): Uint8Array {
  if (!Number.isInteger(dataType) || dataType < 0 || dataType > 0xff) {
    throw new RangeError(
      `Cannot encode fetch start: data type ${dataType} is not a byte`,
    );
  }
  const out = new Uint8Array(10);
  out[0] = FETCH.startDate;
  out[1] = dataType;
  out.set(encodeFetchStamp(since), 2);
  return out;
}

/** Encodes `02`: start streaming after an accepted start date. */
export function encodeFetchTransfer(): Uint8Array {
  return Uint8Array.of(FETCH.transfer);
}

/** Encodes `03`: acknowledge the fetched data. */
export function encodeFetchAck(): Uint8Array {
  return Uint8Array.of(FETCH.ack);
}

/** Classifies a 0x0004 notification from the band. */
export function parseFetchReply(bytes: Uint8Array): FetchReply {
  if (bytes.length < 3) {
    throw new RangeError(
      `Cannot parse fetch reply: expected at least 3 bytes, got ${bytes.length}`,
    );
  }
  const command = COMMANDS[bytes[1] as 1 | 2 | 3];
  if (bytes[0] !== RESPONSE.header || command === undefined) {
    throw new ProtocolError(
      `Cannot parse fetch reply: not a fetch reply (${formatHex(bytes)})`,
      {
        opcode: bytes[0],
        bytes,
      },
    );
  }
  if (bytes[2] !== RESPONSE.success) {
    return {
      kind: "refused",
      command,
      status: STATUSES[bytes[2]] ?? "unknown",
      code: bytes[2],
    };
  }
  if (command === "start") {
    // 15 bytes on the Mi Band 4; Gadgetbridge also accepts a trailing 00 (Mi Band 7).
    if (bytes.length !== 15 && !(bytes.length === 16 && bytes[15] === 0)) {
      throw new RangeError(
        `Cannot parse fetch start reply: expected 15 bytes, got ${bytes.length}`,
      );
    }
    const count = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      .getUint32(3, true);
    return {
      kind: "started",
      count,
      first: parseZonedDateTime(bytes.subarray(7, 15)),
    };
  }
  if (bytes.length !== 3) {
    throw new RangeError(
      `Cannot parse fetch ${command} reply: expected 3 bytes, got ${bytes.length}`,
    );
  }
  return command === "transfer"
    ? { kind: "finished" }
    : { kind: "acknowledged" };
}

/** Classifies a 0x0004 write from the client (simulator side). */
export function parseFetchCommand(bytes: Uint8Array): FetchCommand {
  if (bytes.length === 0) {
    throw new RangeError("Cannot parse fetch command: no bytes");
  }
  const command = COMMANDS[bytes[0] as 1 | 2 | 3];
  if (command === undefined) {
    throw new ProtocolError(
      `Cannot parse fetch command: unknown command ${
        formatHex(bytes.subarray(0, 1))
      }`,
      {
        opcode: bytes[0],
        bytes,
      },
    );
  }
  if (command === "start") {
    if (bytes.length !== 10) {
      throw new RangeError(
        `Cannot parse fetch start: expected 10 bytes, got ${bytes.length}`,
      );
    }
    return {
      kind: "start",
      dataType: bytes[1],
      since: parseFetchStamp(bytes.subarray(2)),
    };
  }
  if (bytes.length !== 1) {
    throw new RangeError(
      `Cannot parse fetch ${command}: expected 1 byte, got ${bytes.length}`,
    );
  }
  return { kind: command };
}

/** Encodes the band's accepted start reply `10 01 01` + count + first sample stamp (simulator side). */
export function encodeFetchStartReply(
  count: number,
  first: ZonedDateTime,
): Uint8Array {
  if (!Number.isInteger(count) || count < 0 || count > 0xffffffff) {
    throw new RangeError(
      `Cannot encode fetch start reply: count ${count} is not a u32`,
    );
  }
  const out = new Uint8Array(15);
  out.set([RESPONSE.header, FETCH.startDate, RESPONSE.success]);
  new DataView(out.buffer).setUint32(3, count, true);
  out.set(encodeZonedDateTime(first), 7);
  return out;
}

/** Encodes a band status reply `10 <command> <status>`, e.g. `10 02 01` or `10 01 02` (simulator side). */
export function encodeFetchStatus(
  command: "start" | "transfer" | "ack",
  status: number,
): Uint8Array {
  const code = command === "start"
    ? FETCH.startDate
    : command === "transfer"
    ? FETCH.transfer
    : FETCH.ack;
  return Uint8Array.of(RESPONSE.header, code, status & 0xff);
}

/** Decodes one 0x0005 packet; its length must be 1 + a multiple of 4, whatever the MTU. */
export function parseActivityPacket(bytes: Uint8Array): ActivityPacket {
  // Mi Band 4 records are 4 bytes (lib/minute/sample.ts); Mi Band 5+ uses 8.
  if (bytes.length < 1 || (bytes.length - 1) % SAMPLE_BYTES !== 0) {
    throw new RangeError(
      `Cannot parse activity packet: length ${bytes.length} is not 1 + 4k`,
    );
  }
  return { sequence: bytes[0], samples: decodeSamples(bytes.subarray(1)) };
}

/** Options for packing samples into 0x0005 packets. */
export interface EncodeActivityPacketsOptions {
  /** Samples per packet: 4 at the default MTU (17-byte packets). */
  samplesPerPacket?: number;
}

/** Packs samples into 0x0005 packets, sequence from 00 wrapping after ff (simulator side). */
export function encodeActivityPackets(
  samples: readonly ActivitySample[],
  options: EncodeActivityPacketsOptions = {},
): Uint8Array[] {
  const perPacket = options.samplesPerPacket ?? 4;
  if (!Number.isInteger(perPacket) || perPacket < 1) {
    throw new RangeError(
      `Cannot encode activity packets: ${perPacket} samples per packet is not positive`,
    );
  }
  const packets: Uint8Array[] = [];
  for (
    let start = 0, seq = 0;
    start < samples.length;
    start += perPacket, seq++
  ) {
    const part = samples.slice(start, start + perPacket);
    const packet = new Uint8Array(1 + part.length * SAMPLE_BYTES);
    packet[0] = seq & 0xff;
    packet.set(encodeSamples(part), 1);
    packets.push(packet);
  }
  return packets;
}
