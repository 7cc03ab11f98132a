// BluetoothRemoteGATTService and BluetoothRemoteGATTCharacteristic look-alikes.
// Each belongs to one connection: after a reconnect Chrome hands out new objects and
// the old ones fail with InvalidStateError, which the fake reproduces.
import { CHARACTERISTIC } from "../protocol/constants.ts";
import type { SimCharacteristic, SimService } from "./gatt_map.ts";
import { createGattError } from "./gatt_error.ts";
import { resolveUuid } from "./uuid_aliases.ts";
import type { FakeGattLink } from "./fake_gatt_link.ts";

// Chrome's GATT blocklist hides the serial number from pages.
const BLOCKLISTED = new Set<string>([CHARACTERISTIC.serialNumber]);

/** A fake BluetoothRemoteGATTService. */
export class FakeGattService {
  /** Service UUID. */
  readonly uuid: string;
  /** Always true: the band has primary services only. */
  readonly isPrimary = true;
  #link: FakeGattLink;
  #service: SimService;
  #characteristics = new Map<string, FakeGattCharacteristic>();

  constructor(link: FakeGattLink, service: SimService) {
    this.#link = link;
    this.#service = service;
    this.uuid = service.uuid;
  }

  /** The device the service belongs to. */
  get device(): unknown {
    return this.#link.device;
  }

  /** Returns one characteristic; blocklisted ones fail with SecurityError, unknown ones with NotFoundError. */
  getCharacteristic(
    characteristic: number | string,
  ): Promise<FakeGattCharacteristic> {
    return this.#link.run(() => {
      const uuid = resolveUuid(characteristic);
      if (BLOCKLISTED.has(uuid)) {
        throw createGattError(
          "SecurityError",
          `getCharacteristic(s) called with blocklisted UUID. https://goo.gl/4NeimX`,
        );
      }
      const found = this.#service.characteristics.find((c) => c.uuid === uuid);
      if (!found) {
        throw createGattError(
          "NotFoundError",
          `No Characteristics matching UUID ${uuid} found in Service with UUID ${this.uuid}.`,
        );
      }
      return this.#wrap(found);
    });
  }

  /** Returns every characteristic that is not blocklisted. */
  getCharacteristics(): Promise<FakeGattCharacteristic[]> {
    return this.#link.run(() =>
      this.#service.characteristics.filter((c) => !BLOCKLISTED.has(c.uuid)).map(
        (c) => this.#wrap(c),
      )
    );
  }

  #wrap(characteristic: SimCharacteristic): FakeGattCharacteristic {
    let wrapped = this.#characteristics.get(characteristic.uuid);
    if (!wrapped) {
      wrapped = new FakeGattCharacteristic(this.#link, this, characteristic);
      this.#characteristics.set(characteristic.uuid, wrapped);
      this.#link.track(wrapped);
    }
    return wrapped;
  }
}

/** A fake BluetoothRemoteGATTCharacteristic. */
export class FakeGattCharacteristic extends EventTarget {
  /** Characteristic UUID. */
  readonly uuid: string;
  /** The owning service. */
  readonly service: FakeGattService;
  /** Properties in the shape of BluetoothCharacteristicProperties. */
  readonly properties: {
    broadcast: false;
    read: boolean;
    writeWithoutResponse: boolean;
    write: boolean;
    notify: boolean;
    indicate: false;
    authenticatedSignedWrites: false;
    reliableWrite: false;
    writableAuxiliaries: false;
  };
  /** Last value read or notified. */
  value: DataView | undefined = undefined;
  #link: FakeGattLink;

  constructor(
    link: FakeGattLink,
    service: FakeGattService,
    characteristic: SimCharacteristic,
  ) {
    super();
    this.#link = link;
    this.service = service;
    this.uuid = characteristic.uuid;
    const p = characteristic.properties;
    this.properties = {
      broadcast: false,
      read: p.read,
      writeWithoutResponse: p.writeWithoutResponse,
      write: p.write,
      notify: p.notify,
      indicate: false,
      authenticatedSignedWrites: false,
      reliableWrite: false,
      writableAuxiliaries: false,
    };
  }

  /** Reads the value; like Chrome, also fires characteristicvaluechanged. */
  readValue(): Promise<DataView> {
    return this.#link.run(() => {
      const bytes = this.#link.band.read(this.service.uuid, this.uuid);
      this.receive(bytes);
      return this.value as DataView;
    });
  }

  /** Writes with response (ATT Write Request). */
  writeValueWithResponse(value: BufferSource): Promise<void> {
    return this.#link.run(() =>
      this.#link.band.write(this.service.uuid, this.uuid, toBytes(value), true)
    );
  }

  /** Writes without response (ATT Write Command). */
  writeValueWithoutResponse(value: BufferSource): Promise<void> {
    return this.#link.run(() =>
      this.#link.band.write(this.service.uuid, this.uuid, toBytes(value), false)
    );
  }

  /** Deprecated write that picks with-response when the characteristic allows it. */
  writeValue(value: BufferSource): Promise<void> {
    return this.properties.write
      ? this.writeValueWithResponse(value)
      : this.writeValueWithoutResponse(value);
  }

  /** Enables notifications. */
  startNotifications(): Promise<FakeGattCharacteristic> {
    return this.#link.run(() => {
      this.#link.band.startNotifications(this.service.uuid, this.uuid);
      return this;
    });
  }

  /** Disables notifications. */
  stopNotifications(): Promise<FakeGattCharacteristic> {
    return this.#link.run(() => {
      this.#link.band.stopNotifications(this.service.uuid, this.uuid);
      return this;
    });
  }

  /** Stores a new value and fires characteristicvaluechanged (called by the link). */
  receive(bytes: Uint8Array): void {
    const copy = bytes.slice();
    this.value = new DataView(copy.buffer);
    this.dispatchEvent(new Event("characteristicvaluechanged"));
  }
}

function toBytes(value: BufferSource): Uint8Array {
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
    .slice();
}
