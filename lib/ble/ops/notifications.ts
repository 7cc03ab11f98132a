// Three ways to reach the band's screen (§15): New Alert on 0x2A46 (calls, simple
// alerts; write with response), Immediate Alert on 0x2A06 (vibration only), and rich
// app notifications as chunked type 0 on 0x0020, split into 20-byte writes.

import {
  CHARACTERISTIC,
  CHUNK_TYPE,
  SERVICE,
} from "../../protocol/constants.ts";
import {
  type AlertCategory,
  type AlertLevel,
  type AppNotification,
  encodeAppNotification,
  encodeImmediateAlert,
  encodeIncomingCall,
  encodeMissedCall,
  encodeSimpleAlert,
  encodeStopCall,
} from "../../protocol/notifications.ts";
import type { GattTransport } from "../transport.ts";
import { writeChunked } from "./write_chunked.ts";

function writeNewAlert(
  transport: GattTransport,
  bytes: Uint8Array,
): Promise<void> {
  return transport.write(
    SERVICE.alertNotification,
    CHARACTERISTIC.newAlert,
    bytes,
    {
      withResponse: true,
    },
  );
}

/** Shows an app notification (title, optional subject and body, app icon and name) or an SMS/e-mail. */
export function sendAppNotification(
  transport: GattTransport,
  notification: AppNotification,
): Promise<void> {
  return writeChunked(
    transport,
    CHUNK_TYPE.notification,
    encodeAppNotification(notification),
  );
}

/** Shows a simple text alert of a category (e.g. "sms", "email") with a title and optional body. */
export function sendSimpleAlert(
  transport: GattTransport,
  alert: { category: AlertCategory; title: string; body?: string },
): Promise<void> {
  return writeNewAlert(
    transport,
    encodeSimpleAlert(alert.category, alert.title, alert.body),
  );
}

/** Shows the incoming-call screen with the caller's name or number until stopIncomingCall(). */
export function startIncomingCall(
  transport: GattTransport,
  caller: string,
): Promise<void> {
  return writeNewAlert(transport, encodeIncomingCall(caller));
}

/** Closes the incoming-call screen (answered or ended elsewhere). */
export function stopIncomingCall(transport: GattTransport): Promise<void> {
  return writeNewAlert(transport, encodeStopCall());
}

/** Shows a missed call. */
export function sendMissedCall(
  transport: GattTransport,
  caller: string,
): Promise<void> {
  return writeNewAlert(transport, encodeMissedCall(caller));
}

/** Vibrates without text: "message" short, "phoneCall" long, "vibrate", or "none" to stop. */
export function vibrate(
  transport: GattTransport,
  level: AlertLevel,
): Promise<void> {
  return transport.write(
    SERVICE.immediateAlert,
    CHARACTERISTIC.alertLevel,
    encodeImmediateAlert(level),
    {
      withResponse: false,
    },
  );
}
