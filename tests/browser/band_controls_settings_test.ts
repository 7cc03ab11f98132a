// Every control of the band's page that writes a setting, used like a person
// would in Chromium: each effect is checked in the injected simulator's state and
// on the server, and after a reload each card shows what was saved.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { stopSimulatorBundler } from "../support/inject_band.ts";
import { saveScreenshot } from "../support/browser.ts";
import { parseReminder } from "../../lib/protocol/reminders.ts";
import {
  card,
  expectNote,
  openGroup,
  readSim,
  startRig,
  waitForIslands,
} from "./band_controls_support_test.ts";

// Label, value chosen, then the simulator's settings key and the value it decodes.
const SELECTS: [string, string, string, unknown][] = [
  ["Clock", "12h", "time_format", "12h"],
  ["Units", "imperial", "units", "imperial"],
  ["Date format", "MM/dd/yyyy", "date_format", "MM/dd/yyyy"],
  ["Clock screen", "time", "date_display", "time"],
  ["Language", "de_DE", "language", "de_DE"],
  ["Lift sensitivity", "sensitive", "lift_wrist_sensitivity", "sensitive"],
];
const SCHEDULES: [string, string, string][] = [
  ["Lift wrist to wake", "off", "lift_wrist"],
  ["Night mode (dim screen)", "sunset", "night_mode"],
  ["Do not disturb", "automatic", "do_not_disturb"],
];
const SWITCHES: [string, boolean, string][] = [
  ["Swipe to unlock screen", true, "swipe_unlock"],
  ["Rotate wrist to switch info", true, "rotate_wrist"],
  ["Show caller name", false, "caller_id"],
  ["Heart rate during workouts", true, "heart_rate_during_activity"],
  ["Share heart rate with other apps", true, "expose_heart_rate"],
  ["Stay visible while connected", true, "bt_advertising"],
];

async function badge(page: Page, id: string): Promise<string | null> {
  return await card(page, id).locator(".band-card-head .badge").textContent();
}

Deno.test({
  name:
    "[browser] the band page's setting controls write the band, save on the server and show again after a reload",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const rig = await startRig();
    try {
      const { page, errors } = await rig.openConnected();

      // Step goal: any whole number of steps, and no vibration when reached.
      await openGroup(page, "Settings");
      const goal = card(page, "goal");
      await goal.getByLabel("Steps a day").fill("12345");
      await goal.getByRole("checkbox", { name: "Vibrate when the goal" })
        .uncheck();
      await goal.getByRole("button", { name: "Save goal" }).click();
      await expectNote(page, "goal", "Goal set to 12,345 steps");
      assert.equal(await readSim(page, "stepGoal"), 12345);
      assert.equal(
        await readSim(page, "settings.goal_notification.enabled"),
        false,
      );

      // Idle alerts with a quiet break.
      await openGroup(page, "Schedule");
      const idle = card(page, "idle-alerts");
      await idle.getByRole("checkbox", { name: "Vibrate after an hour" })
        .check();
      await idle.getByLabel("From", { exact: true }).fill("08:30");
      await idle.getByLabel("Until", { exact: true }).fill("17:45");
      await idle.getByRole("checkbox", { name: "Quiet during a break" })
        .check();
      await idle.getByLabel("Break from").fill("12:15");
      await idle.getByLabel("Break until").fill("13:00");
      await idle.getByRole("button", { name: "Save idle alerts" }).click();
      await expectNote(page, "idle-alerts", "Idle alerts on, 8:30 AM–5:45 PM");
      assert.deepEqual(await readSim(page, "settings.idle_alerts"), {
        enabled: true,
        thresholdMinutes: 60,
        start: { hour: 8, minute: 30 },
        end: { hour: 17, minute: 45 },
        gap: { start: { hour: 12, minute: 15 }, end: { hour: 13, minute: 0 } },
      });

      // Alarm 3: weekends at 06:45.
      const alarms = card(page, "alarms");
      await alarms.getByRole("button", { name: /^3 Empty$/ }).click();
      await alarms.getByLabel("Time of alarm 3").fill("06:45");
      for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri"]) {
        await alarms.getByRole("checkbox", { name: day, exact: true })
          .uncheck();
      }
      for (const day of ["Sat", "Sun"]) {
        await alarms.getByRole("checkbox", { name: day, exact: true }).check();
      }
      await alarms.getByRole("button", { name: "Save alarm" }).click();
      await expectNote(page, "alarms", "Alarm 3 set for 6:45 AM");
      const slots = await readSim<unknown[]>(page, "alarms");
      assert.deepEqual(slots[2], {
        slot: 2,
        time: { hour: 6, minute: 45 },
        days: ["sat", "sun"],
        enabled: true,
        snooze: true,
      });
      assert.equal(slots.filter((s) => s !== null).length, 1);

      // Reminder 1: a weekly text on Mondays and Thursdays.
      const reminders = card(page, "reminders");
      await reminders.getByLabel("Text").fill("Dentist");
      await reminders.getByLabel("Date and time on the band").fill(
        "2026-12-03T09:30",
      );
      await reminders.getByLabel("Repeat").selectOption("weekly");
      for (const day of ["Mon", "Thu"]) {
        await reminders.getByRole("checkbox", { name: day, exact: true })
          .check();
      }
      await reminders.getByRole("button", { name: "Save reminder" }).click();
      await expectNote(page, "reminders", "Reminder 1 saved on the band");
      const raw = await readSim<Record<string, number>>(
        page,
        "settings.config2_0b",
      );
      assert.deepEqual(
        parseReminder(Uint8Array.from(Object.values(raw))),
        {
          kind: "set",
          reminder: {
            slot: 0,
            enabled: true,
            start: {
              year: 2026,
              month: 12,
              day: 3,
              hour: 9,
              minute: 30,
              second: 0,
            },
            repeat: { kind: "weekly", days: ["mon", "thu"] },
            text: "Dentist",
          },
        },
      );
      assert.equal(
        await reminders.getByRole("listitem").first().textContent(),
        "DentistDec 3, 2026, 9:30 AM · Every Mon and ThuEditDelete",
      );

      await saveScreenshot(page, "band-page-schedule-saved-1280");
      await page.setViewportSize({ width: 390, height: 900 });
      await saveScreenshot(page, "band-page-schedule-saved-390");
      await page.setViewportSize({ width: 1280, height: 900 });

      // Display: hide a screen, move one up, show a hidden one at the end.
      await openGroup(page, "Band screen");
      const display = card(page, "display");
      await display.getByRole("button", { name: "Hide Workout" }).click();
      await display.getByRole("button", { name: "Move Weather up" }).click();
      await display.getByRole("button", { name: "Show Mi Home" }).click();
      await display.getByRole("button", { name: "Save menu" }).click();
      await expectNote(page, "display", "Menu saved to the band");
      const order = [
        "status",
        "weather",
        "heart_rate",
        "notifications",
        "more",
        "mi_home",
      ];
      assert.deepEqual(
        await readSim(page, "settings.display_items.shown"),
        order,
      );

      // All-day heart rate, then the band lock: both keys of the general section.
      await openGroup(page, "Settings");
      await card(page, "heart-rate-monitoring").getByLabel(
        "All-day measurement",
      ).selectOption("10");
      await card(page, "heart-rate-monitoring").getByRole("button", {
        name: "Apply",
      }).click();
      await expectNote(
        page,
        "heart-rate-monitoring",
        "Measuring every 10 min",
      );
      assert.equal(await readSim(page, "heartRateIntervalMinutes"), 10);
      const lock = card(page, "band-lock");
      await lock.getByLabel("PIN").fill("4213");
      await lock.getByRole("button", { name: "Lock band" }).click();
      await expectNote(page, "band-lock", "Band lock on");
      assert.deepEqual(await readSim(page, "settings.band_lock"), {
        kind: "band_lock",
        enabled: true,
        pin: "4213",
      });
      await lock.getByText("The band asks for its PIN when taken off.")
        .waitFor();

      // Every general setting, one change at a time.
      const settings = card(page, "general-settings");
      const pick = async (label: string, value: string | boolean) => {
        const control = settings.getByLabel(label, { exact: true });
        if (typeof value === "boolean") await control.setChecked(value);
        else await control.selectOption(value);
        await expectNote(page, "general-settings", `${label}: saved`);
      };
      for (const [label, value, kind, decoded] of SELECTS) {
        await pick(label, value);
        assert.equal(await readSim(page, `settings.${kind}.value`), decoded);
      }
      for (const [label, mode, kind] of SCHEDULES) {
        await pick(label, mode);
        assert.equal(
          await readSim(page, `settings.${kind}.schedule.mode`),
          mode,
        );
      }
      for (const [label, on, kind] of SWITCHES) {
        await pick(label, on);
        assert.equal(await readSim(page, `settings.${kind}.enabled`), on);
      }
      await pick("Vibrate when the phone disconnects", true);
      assert.equal(
        await readSim(page, "settings.disconnect_reminder.schedule.mode"),
        "on",
      );
      await pick("Worn on", "right");
      assert.equal(await readSim(page, "wearWrist"), "right");
      await pick("Heart rate assists sleep detection", true);
      assert.equal(await readSim(page, "heartRateSleepAssist"), true);

      // The server holds every section, with no card's keys lost to another's.
      const res = await fetch(
        `${rig.server.origin}/api/bands/${rig.bandId}/settings`,
        { headers: { Cookie: rig.user.cookieHeader } },
      );
      assert.equal(res.status, 200);
      const stored = (await res.json()).settings;
      assert.deepEqual(stored.goal, { steps: 12345, notify: false });
      assert.deepEqual(stored.idleAlerts, {
        enabled: true,
        start: "08:30",
        end: "17:45",
        dnd: { start: "12:15", end: "13:00" },
      });
      assert.deepEqual(stored.alarms, [
        {
          index: 2,
          enabled: true,
          hour: 6,
          minute: 45,
          days: 96,
          smart: false,
        },
      ]);
      assert.deepEqual(stored.display, { items: order, shortcuts: [] });
      assert.deepEqual(stored.reminders, [{
        slot: 0,
        start: "2026-12-03T09:30",
        repeat: "weekly",
        days: 9,
        text: "Dentist",
      }]);
      assert.equal(stored.general.heart_rate_interval, 10);
      assert.equal(stored.general.band_lock, true);
      assert.equal(stored.general.time_format, "12h");
      assert.equal(stored.general.wear_location, "right");
      assert.equal(stored.general.caller_id, false);
      assert.ok(!JSON.stringify(stored).includes("4213"), "PIN not stored");

      // After a reload every card shows what was saved.
      await page.reload();
      await waitForIslands(page);
      for (
        const id of [
          "goal",
          "idle-alerts",
          "alarms",
          "reminders",
          "display",
          "heart-rate-monitoring",
          "band-lock",
          "general-settings",
        ]
      ) {
        assert.equal(await badge(page, id), "Last saved", `badge of #${id}`);
      }
      await openGroup(page, "Settings");
      assert.equal(await goal.getByLabel("Steps a day").inputValue(), "12345");
      assert.equal(
        await goal.getByRole("checkbox", { name: "Vibrate when the goal" })
          .isChecked(),
        false,
      );
      await openGroup(page, "Schedule");
      assert.equal(
        await idle.getByLabel("From", { exact: true }).inputValue(),
        "08:30",
      );
      assert.equal(await idle.getByLabel("Break until").inputValue(), "13:00");
      await alarms.getByRole("button", { name: "3 6:45 AM · Sat Sun" })
        .waitFor();
      await reminders.getByText("Dentist", { exact: true }).waitFor();
      await openGroup(page, "Band screen");
      assert.deepEqual(
        await display.locator(".order-name").allTextContents(),
        ["Status", "Weather", "Heart rate", "Notifications", "More", "Mi Home"],
      );
      await openGroup(page, "Settings");
      assert.equal(
        await card(page, "heart-rate-monitoring").getByLabel(
          "All-day measurement",
        ).inputValue(),
        "10",
      );
      await lock.getByText("The band asks for its PIN when taken off.")
        .waitFor();
      for (const [label, value] of SELECTS) {
        assert.equal(
          await settings.getByLabel(label, { exact: true }).inputValue(),
          value,
        );
      }
      assert.equal(
        await settings.getByLabel("Worn on", { exact: true }).inputValue(),
        "right",
      );
      assert.equal(
        await settings.getByLabel("Show caller name").isChecked(),
        false,
      );
      assert.deepEqual(errors, []);
    } finally {
      await rig.close();
      await stopSimulatorBundler();
    }
  },
});
