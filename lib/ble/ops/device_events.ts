// The band's own events on 0x0010 (§23), followed for the whole connection. The only
// reply the protocol expects from the phone, the find-my-phone acknowledgement, is
// sent here so every client behaves as Gadgetbridge does (§21).

import { CHARACTERISTIC, SERVICE } from "../../protocol/constants.ts";
import {
  type DeviceEvent,
  parseDeviceEvent,
} from "../../protocol/device_events.ts";
import { encodeFindPhoneAck } from "../../protocol/find_band.ts";
import type { GattTransport } from "../transport.ts";
import type { Emitter } from "../emitter.ts";
import type { CommandChannel } from "./command_channel.ts";
import { watchCharacteristic } from "./watch.ts";

/** Options for followDeviceEvents(). */
export interface FollowEventsOptions {
  /** Receives errors (an unparseable event, a failed acknowledgement). */
  onError: (err: unknown) => void;
}

/** Routes 0x0010 notifications to `events` and acknowledges find-my-phone; returns stop. */
export function followDeviceEvents(
  transport: GattTransport,
  channel: CommandChannel,
  events: Emitter<DeviceEvent>,
  options: FollowEventsOptions,
): Promise<() => Promise<void>> {
  return watchCharacteristic(transport, {
    service: SERVICE.miBand1,
    characteristic: CHARACTERISTIC.deviceEvent,
    parse: parseDeviceEvent,
  }, {
    onValue: (event) => {
      if (event.type === "findPhoneStart") {
        channel.send(encodeFindPhoneAck("ringing"), {
          what: "acknowledge find my phone",
        })
          .catch(options.onError);
      }
      events.emit(event);
    },
    onError: options.onError,
  });
}
