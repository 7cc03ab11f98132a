// The band's stored preferences: general settings of §22, the step goal, the wrist,
// the user profile and the inactivity warning.

import type { ConfigCommand } from "../../protocol/general_config.ts";
import type { IdleAlerts } from "../../protocol/idle_alerts.ts";
import type { UserProfile, Wrist } from "../../protocol/user_settings.ts";
import { applySetting, setGoalNotification } from "../ops/general_settings.ts";
import { setIdleAlerts } from "../ops/idle_alerts.ts";
import {
  setStepGoal,
  setUserProfile,
  setWearLocation,
} from "../ops/user_settings.ts";
import type { BandLink } from "./band_link.ts";

/** The settings of one connected band (`band.settings`). */
export class BandSettings {
  #link: BandLink;

  /** Wraps the connection's handles; MiBand4 creates one per connection. */
  constructor(link: BandLink) {
    this.#link = link;
  }

  /** Applies one general setting of §22 (time format, units, lift wrist, DND, lock, …). */
  apply(command: ConfigCommand): Promise<void> {
    return applySetting(this.#link.channel, command);
  }

  /** Sets the daily step goal. */
  setStepGoal(steps: number): Promise<void> {
    return setStepGoal(this.#link.transport, steps);
  }

  /** Turns the goal-reached vibration on or off. */
  setGoalNotification(enabled: boolean): Promise<void> {
    return setGoalNotification(this.#link.channel, enabled);
  }

  /** Tells the band which wrist it is on. */
  setWearLocation(wrist: Wrist): Promise<void> {
    return setWearLocation(this.#link.transport, wrist);
  }

  /** Sends the user profile. */
  setUserProfile(profile: UserProfile): Promise<void> {
    return setUserProfile(this.#link.transport, profile);
  }

  /** Writes the inactivity warning settings. */
  setIdleAlerts(settings: IdleAlerts): Promise<void> {
    return setIdleAlerts(this.#link.channel, settings);
  }
}
