// Everything that makes the band buzz and show text: notifications, calls, plain
// vibrations and find my band.

import type {
  AlertCategory,
  AlertLevel,
  AppNotification,
} from "../../protocol/notifications.ts";
import { findBand, type FindBandOptions } from "../ops/find_band.ts";
import {
  sendAppNotification,
  sendMissedCall,
  sendSimpleAlert,
  startIncomingCall,
  stopIncomingCall,
  vibrate,
} from "../ops/notifications.ts";
import type { BandLink } from "./band_link.ts";

/** A simple alert: a category with a title and optional body. */
export interface SimpleAlert {
  /** Which icon and vibration the band uses. */
  category: AlertCategory;
  /** The first line. */
  title: string;
  /** Further text. */
  body?: string;
}

/** Notifications, calls and vibrations of one connected band (`band.alerts`). */
export class BandAlerts {
  #link: BandLink;

  /** Wraps the connection's handles; MiBand4 creates one per connection. */
  constructor(link: BandLink) {
    this.#link = link;
  }

  /** Shows a rich app notification (icon, title, body, app name), SMS or e-mail; long text is chunked. */
  sendAppNotification(notification: AppNotification): Promise<void> {
    return sendAppNotification(this.#link.transport, notification);
  }

  /** Shows a simple alert of a category with a title and optional body. */
  sendSimpleAlert(alert: SimpleAlert): Promise<void> {
    return sendSimpleAlert(this.#link.transport, alert);
  }

  /** Shows the incoming-call screen; the band answers with events callRejected / callIgnored. */
  startIncomingCall(caller: string): Promise<void> {
    return startIncomingCall(this.#link.transport, caller);
  }

  /** Closes the incoming-call screen. */
  stopIncomingCall(): Promise<void> {
    return stopIncomingCall(this.#link.transport);
  }

  /** Shows a missed call. */
  sendMissedCall(caller: string): Promise<void> {
    return sendMissedCall(this.#link.transport, caller);
  }

  /** Vibrates without text ("none" stops). */
  vibrate(level: AlertLevel): Promise<void> {
    return vibrate(this.#link.transport, level);
  }

  /** Vibrates the band until the returned function is called. */
  findBand(options?: FindBandOptions): Promise<() => Promise<void>> {
    return findBand(this.#link.transport, {
      onError: this.#link.onError,
      ...options,
    });
  }
}
