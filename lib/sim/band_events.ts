// What a person does on the band itself, turned into the §23 device events the band
// sends unprompted. VirtualBand extends this; the events go through the same notify
// path as replies, so they only reach a client that subscribed to 0x0010.
import {
  type DeviceEvent,
  encodeDeviceEvent,
  type WorkoutTrackType,
} from "../protocol/device_events.ts";
import type { MUSIC_BUTTON } from "../protocol/constants.ts";
import type { BandState } from "./band_state.ts";

/** Names of the music buttons on the band's music screen (§16.3). */
export type MusicButton = keyof typeof MUSIC_BUTTON;

/** Band-side user actions that emit device events on 0x0010. */
export abstract class BandEvents {
  /** The band's state. */
  abstract readonly state: BandState;

  /** Sends an encoded device event to a subscribed client. */
  protected abstract sendDeviceEvent(value: Uint8Array): void;

  /** The user pressed the band's button (event `04`). */
  pressButton(): void {
    this.#emit({ type: "buttonPressed" });
  }

  /** The user long-pressed the band's button (event `0b`). */
  longPressButton(): void {
    this.#emit({ type: "buttonLongPressed" });
  }

  /** The user pressed a button of the band's music screen (event `fe CC`). */
  pressMusicButton(button: MusicButton): void {
    this.#emit({ type: "music", button, code: 0 });
  }

  /** The user opened the band's music screen (`fe e0`). */
  openMusicScreen(): void {
    this.pressMusicButton("focusIn");
  }

  /** The user closed the band's music screen (`fe e1`). */
  closeMusicScreen(): void {
    this.pressMusicButton("focusOut");
  }

  /** The user started "find my phone" on the band (event `08`). */
  startFindPhone(): void {
    this.#emit({ type: "findPhoneStart" });
  }

  /** The user stopped "find my phone" on the band (event `0f`). */
  stopFindPhone(): void {
    this.#emit({ type: "findPhoneStop" });
  }

  /** The user rejected the incoming call on the band (event `07`), which closes the call screen. */
  rejectCall(): void {
    this.state.activeCall = null;
    this.#emit({ type: "callRejected" });
  }

  /** The user silenced the incoming call on the band (event `09`). */
  ignoreCall(): void {
    this.#emit({ type: "callIgnored" });
  }

  /** The band detected sleep (event `01`). */
  fallAsleep(): void {
    this.#emit({ type: "fellAsleep" });
  }

  /** The band detected waking up (event `02`). */
  wakeUp(): void {
    this.#emit({ type: "wokeUp" });
  }

  /** The band detected it was taken off (event `06`). */
  takeOff(): void {
    this.#emit({ type: "nonWear" });
  }

  /** The daily step goal was reached (event `03`). */
  reachGoal(): void {
    this.#emit({ type: "goalReached" });
  }

  /** The user toggled an alarm on the band (event `0a`). */
  toggleAlarmOnBand(slot: number): void {
    const alarm = this.state.alarms[slot];
    if (alarm) alarm.enabled = !alarm.enabled;
    this.#emit({ type: "alarmToggled" });
  }

  /** The user changed an alarm on the band (event `1a`). */
  changeAlarmOnBand(): void {
    this.#emit({ type: "alarmChanged" });
  }

  /** The user toggled the phone's silent mode on the band (event `10 EE`). */
  setPhoneSilentOnBand(silent: boolean): void {
    this.#emit({ type: "silentMode", enabled: silent });
  }

  /** The user starts a workout on the band (event `14 00 GG TT`, §12). */
  startWorkoutOnBand(
    workout: Exclude<WorkoutTrackType, "unknown">,
    wantsGps = false,
  ): void {
    this.#emit({
      type: "workoutStarting",
      flag: 0,
      wantsGps,
      workout,
      workoutCode: 0,
    });
  }

  /** The band announces its preferred ATT MTU (event `16 LL HH`, §32.1). */
  announceMtu(mtu: number): void {
    this.#emit({ type: "mtu", mtu });
  }

  #emit(event: DeviceEvent): void {
    this.sendDeviceEvent(encodeDeviceEvent(event));
  }
}
