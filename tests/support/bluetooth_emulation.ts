// Chromium's own Bluetooth emulation (CDP BluetoothEmulation + DeviceAccess) driving
// a Mi Band 4 GATT table built from lib/sim/gatt_map.ts, so the page's real Web
// Bluetooth code runs against Chrome's stack. The emulation cannot push unrequested
// notifications, so it serves the chooser, connection, discovery, reads, writes and
// GATT errors; full protocol flows belong to the injected simulator.
import type {
  Browser,
  BrowserContext,
  CDPSession,
  Page,
} from "playwright-core";
import { BAND_NAME, toSigUuid } from "../../lib/protocol/constants.ts";
import { GATT_MAP } from "../../lib/sim/gatt_map.ts";

/** Client Characteristic Configuration descriptor, needed by startNotifications(). */
const CCCD = toSigUuid(0x2902);

/** One characteristic operation the page made, as the emulated band saw it. */
export interface EmulatedOperation {
  /** Service UUID. */
  service: string;
  /** Characteristic UUID. */
  characteristic: string;
  /** "read", "write", "subscribe-to-notifications" or "unsubscribe-from-notifications". */
  type: string;
  /** Written bytes (writes only). */
  data?: Uint8Array;
  /** Write type Chrome used (writes only). */
  writeType?: string;
}

/** How the band answers one operation: an ATT error code (0 = success) and read data. */
export interface EmulatedAnswer {
  /** ATT error code; non-zero simulates a GATT error. */
  code: number;
  /** Bytes a successful read returns. */
  data?: Uint8Array;
}

/** Decides the answer to an operation; undefined falls back to the default answer. */
export type OperationHandler = (
  op: EmulatedOperation,
) => EmulatedAnswer | undefined;

/** A peripheral in Chromium's Bluetooth emulation with the Mi Band 4 GATT table. */
export class EmulatedBand {
  /** The peripheral's address (the MAC Chrome sees). */
  readonly address: string;
  /** Every characteristic operation received, in order. */
  readonly operations: EmulatedOperation[] = [];
  /** Read values by characteristic UUID, for the default answer. */
  readonly values = new Map<string, Uint8Array>();
  /** CDP errors met while answering (a method this Chromium lacks shows up here). */
  readonly errors: string[] = [];
  /** Overrides the default answer when it returns one. */
  handler: OperationHandler | undefined;
  #session: CDPSession;
  #byId = new Map<string, { service: string; characteristic: string }>();
  #descriptors = new Set<string>();
  #waiters = new Set<() => void>();

  private constructor(session: CDPSession, address: string) {
    this.#session = session;
    this.address = address;
  }

  /** Adds a preconnected band named like a Mi Band 4, with every service and characteristic of the map. */
  static async create(
    session: CDPSession,
    options: { address: string; name?: string },
  ): Promise<EmulatedBand> {
    const band = new EmulatedBand(session, options.address);
    await session.send("BluetoothEmulation.simulatePreconnectedPeripheral", {
      address: options.address,
      name: options.name ?? BAND_NAME,
      manufacturerData: [],
      knownServiceUuids: GATT_MAP.map((s) => s.uuid),
    });
    for (const service of GATT_MAP) {
      const { serviceId } = await session.send(
        "BluetoothEmulation.addService",
        {
          address: options.address,
          serviceUuid: service.uuid,
        },
      );
      for (const c of service.characteristics) {
        const { characteristicId } = await session.send(
          "BluetoothEmulation.addCharacteristic",
          { serviceId, characteristicUuid: c.uuid, properties: c.properties },
        );
        band.#byId.set(characteristicId, {
          service: service.uuid,
          characteristic: c.uuid,
        });
        if (c.properties.notify) {
          const { descriptorId } = await session.send(
            "BluetoothEmulation.addDescriptor",
            { characteristicId, descriptorUuid: CCCD },
          );
          band.#descriptors.add(descriptorId);
        }
      }
    }
    session.on("BluetoothEmulation.gattOperationReceived", (event) => {
      if (event.address !== band.address) return;
      band.#session.send("BluetoothEmulation.simulateGATTOperationResponse", {
        address: event.address,
        type: event.type,
        code: 0,
      }).catch(() => {});
    });
    session.on(
      "BluetoothEmulation.characteristicOperationReceived",
      (event) => band.#answer(event),
    );
    session.on("BluetoothEmulation.descriptorOperationReceived", (event) => {
      if (!band.#descriptors.has(event.descriptorId)) return;
      band.#session.send(
        "BluetoothEmulation.simulateDescriptorOperationResponse",
        {
          descriptorId: event.descriptorId,
          type: event.type,
          code: 0,
          ...(event.type === "read"
            ? { data: toBase64(new Uint8Array(2)) }
            : {}),
        },
      ).catch(() => {});
    });
    return band;
  }

  /** Resolves with the first recorded operation that matches, waiting for it if needed. */
  waitForOperation(
    match: (op: EmulatedOperation) => boolean,
    timeoutMs = 10_000,
  ): Promise<EmulatedOperation> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.operations.find(match);
        if (!found) return false;
        clearTimeout(timer);
        this.#waiters.delete(waiter);
        resolve(found);
        return true;
      };
      const waiter = () => void check();
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(
          new Error(
            `Cannot find the operation: none of ${this.operations.length} matched within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      if (!check()) this.#waiters.add(waiter);
    });
  }

  /** Drops the link as if the band walked out of range. */
  async disconnect(): Promise<void> {
    await this.#session.send("BluetoothEmulation.simulateGATTDisconnection", {
      address: this.address,
    });
  }

  #answer(event: {
    characteristicId: string;
    type: EmulatedOperation["type"];
    data?: string;
    writeType?: string;
  }): void {
    const target = this.#byId.get(event.characteristicId);
    if (!target) return;
    const op: EmulatedOperation = {
      ...target,
      type: event.type,
      ...(event.data === undefined ? {} : { data: fromBase64(event.data) }),
      ...(event.writeType === undefined ? {} : { writeType: event.writeType }),
    };
    this.operations.push(op);
    const answer = this.handler?.(op) ?? this.#defaultAnswer(op);
    this.#session.send(
      "BluetoothEmulation.simulateCharacteristicOperationResponse",
      {
        characteristicId: event.characteristicId,
        type: event.type as "read",
        code: answer.code,
        ...(answer.data ? { data: toBase64(answer.data) } : {}),
      },
    ).catch((err) => this.errors.push(String(err)));
    for (const waiter of [...this.#waiters]) waiter();
  }

  #defaultAnswer(op: EmulatedOperation): EmulatedAnswer {
    if (op.type !== "read") return { code: 0 };
    return {
      code: 0,
      data: this.values.get(op.characteristic) ?? new Uint8Array(),
    };
  }
}

/** Turns on Chromium's Bluetooth emulation (adapter powered on, LE supported) on the browser session. */
export async function enableBluetoothEmulation(
  browser: Browser,
): Promise<CDPSession> {
  const session = await browser.newBrowserCDPSession();
  await session.send("BluetoothEmulation.enable", {
    state: "powered-on",
    leSupported: true,
  });
  return session;
}

/** What the chooser did: the devices it listed when answered. */
export interface ChooserLog {
  /** Device ids (addresses) in the prompt that was answered. */
  listed: string[];
  /** Resolves once the prompt was answered. */
  answered: Promise<void>;
}

/** Answers the page's Bluetooth chooser: picks the device with address `select` once it is listed, or cancels. */
export async function answerChooser(
  context: BrowserContext,
  page: Page,
  choice: { select: string } | { cancel: true },
): Promise<ChooserLog> {
  const session = await context.newCDPSession(page);
  await session.send("DeviceAccess.enable");
  const log: ChooserLog = { listed: [], answered: Promise.resolve() };
  let done = false;
  log.answered = new Promise((resolve) => {
    session.on("DeviceAccess.deviceRequestPrompted", (event) => {
      if (done) return;
      if ("cancel" in choice) {
        done = true;
        log.listed = event.devices.map((d) => d.id);
        session.send("DeviceAccess.cancelPrompt", { id: event.id })
          .finally(resolve);
        return;
      }
      // The first prompts may list nothing yet: wait for the band to appear.
      // Chrome 156 lists emulated peripherals by address, with an empty name.
      const device = event.devices.find((d) => d.id === choice.select);
      if (!device) return;
      done = true;
      log.listed = event.devices.map((d) => d.id);
      session.send("DeviceAccess.selectPrompt", {
        id: event.id,
        deviceId: device.id,
      }).finally(resolve);
    });
  });
  return log;
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
