// What the band does at a set time: alarms (slots 0–9) and event reminders
// (slots 0–21). Alarms go through the command channel because the band answers them.

import type { Alarm, AlarmStatus } from "../../protocol/alarms.ts";
import type { Reminder } from "../../protocol/reminders.ts";
import { clearAlarm, readAlarmStatuses, setAlarm } from "../ops/alarms.ts";
import { deleteReminder, setReminder } from "../ops/chunked_features.ts";
import type { BandLink } from "./band_link.ts";

/** The alarms of one connected band (`band.alarms`). */
export class BandAlarms {
  #link: BandLink;

  /** Wraps the connection's handles; MiBand4 creates one per connection. */
  constructor(link: BandLink) {
    this.#link = link;
  }

  /** Stores an alarm in its slot. */
  set(alarm: Alarm): Promise<void> {
    return setAlarm(this.#link.channel, alarm);
  }

  /** Clears an alarm slot. */
  clear(slot: number): Promise<void> {
    return clearAlarm(this.#link.channel, slot);
  }

  /** Reads which alarm slots are used and enabled. */
  readStatuses(): Promise<AlarmStatus[]> {
    return readAlarmStatuses(this.#link.channel);
  }
}

/** The event reminders of one connected band (`band.reminders`). */
export class BandReminders {
  #link: BandLink;

  /** Wraps the connection's handles; MiBand4 creates one per connection. */
  constructor(link: BandLink) {
    this.#link = link;
  }

  /** Stores an event reminder (slot 0–21) on the band. */
  set(reminder: Reminder): Promise<void> {
    return setReminder(this.#link.transport, reminder);
  }

  /** Deletes the reminder in a slot. */
  delete(slot: number): Promise<void> {
    return deleteReminder(this.#link.transport, slot);
  }
}
