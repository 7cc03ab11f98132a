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
export async function sendAppNotification(
  transport: GattTransport,
  notification: AppNotification,
): Promise<void> {
  await writeChunked(
    transport,
    CHUNK_TYPE.notification,
    encodeAppNotification(notification),
  );
}

/** Shows a simple text alert of a category (e.g. "sms", "email") with a title and optional body. */
export async function sendSimpleAlert(
  transport: GattTransport,
  alert: { category: AlertCategory; title: string; body?: string },
): Promise<void> {
  await writeNewAlert(
    transport,
    encodeSimpleAlert(alert.category, alert.title, alert.body),
  );
}

/** Shows the incoming-call screen with the caller's name or number until stopIncomingCall(). */
export async function startIncomingCall(
  transport: GattTransport,
  caller: string,
): Promise<void> {
  await writeNewAlert(transport, encodeIncomingCall(caller));
}

/** Closes the incoming-call screen (answered or ended elsewhere). */
export async function stopIncomingCall(
  transport: GattTransport,
): Promise<void> {
  await writeNewAlert(transport, encodeStopCall());
}

/** Shows a missed call. */
export async function sendMissedCall(
  transport: GattTransport,
  caller: string,
): Promise<void> {
  await writeNewAlert(transport, encodeMissedCall(caller));
}

/** Vibrates without text: "message" short, "phoneCall" long, "vibrate", or "none" to stop. */
export async function vibrate(
  transport: GattTransport,
  level: AlertLevel,
): Promise<void> {
  await transport.write(
    SERVICE.immediateAlert,
    CHARACTERISTIC.alertLevel,
    encodeImmediateAlert(level),
    {
      withResponse: false,
    },
  );
}
