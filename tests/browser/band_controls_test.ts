// Every live control of the band's page, used like a person would in Chromium,
// with each effect checked in the injected simulator's state (and the band's own
// actions checked on the page). Screenshots of the page after the controls land
// in test-artifacts/.
import assert from "node:assert/strict";
import { saveScreenshot } from "../support/browser.ts";
import { stopSimulatorBundler } from "../support/inject_band.ts";
import {
  callSim,
  card,
  expectNote,
  openGroup,
  readSim,
  startRig,
} from "./band_controls_support_test.ts";

Deno.test({
  name:
    "[browser] the band page's live controls reach the band and the band's actions reach the page",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const rig = await startRig();
    try {
      const { page, errors } = await rig.openConnected();

      // Status: steps walked on the band show up live.
      const steps = page.getByTestId("status-steps");
      await callSim(page, "addSteps", 100);
      await steps.filter({ hasText: /^100$/ }).waitFor();
      await callSim(page, "addSteps", 1150);
      await steps.filter({ hasText: /^1,250$/ }).waitFor();
      assert.equal(await readSim(page, "steps"), 1250);

      // Battery: the simulator's 81 % at connection, then a change while charging.
      const battery = card(page, "battery");
      assert.equal(
        await page.getByTestId("battery-level").textContent(),
        "81%",
      );
      await callSim(page, "setBattery", { level: 64, charging: true });
      await page.getByTestId("battery-level").filter({ hasText: "64%" })
        .waitFor();
      assert.match(await battery.textContent() ?? "", /Charging/);

      // Heart rate: a measurement says at once what it does and can be cancelled.
      await page.getByRole("button", { name: "Measure now" }).click();
      await expectNote(page, "heart-rate", /^Measuring… up to 30 s/);
      await page.getByRole("button", { name: "Cancel measuring" }).click();
      await expectNote(page, "heart-rate", "Measurement cancelled");
      // One measurement takes the sensor about 8 s.
      await callSim(page, "setHeartRate", 72);
      await page.getByRole("button", { name: "Measure now" }).click();
      await page.getByTestId("heart-rate-bpm").filter({ hasText: "72 bpm" })
        .waitFor({ timeout: 15_000 });
      await expectNote(page, "heart-rate", "Measured 72 bpm");

      // Band time: an hour off, then set from this computer.
      await openGroup(page, "Settings");
      await page.evaluate(() => {
        (globalThis as unknown as {
          __simBands: { state: { clock: { offsetMs: number } } }[];
        }).__simBands[0].state.clock.offsetMs = 3_600_000;
      });
      await page.getByRole("button", { name: "Read again" }).click();
      const clockNote = card(page, "band-time").locator(".stat-label");
      await clockNote.filter({ hasText: "ahead of this computer" }).waitFor();
      await page.getByRole("button", { name: "Set from this computer" })
        .click();
      await expectNote(page, "band-time", "Band clock set from this computer");
      const clock = await readSim<
        { offsetMs: number; tzQuarterHours: number }
      >(page, "clock");
      assert.ok(
        Math.abs(clock.offsetMs) < 2000,
        `band clock is ${clock.offsetMs} ms off`,
      );
      const zone = await page.evaluate(() =>
        0 - new Date().getTimezoneOffset() / 15
      );
      assert.equal(clock.tzQuarterHours, zone);
      assert.equal(
        await clockNote.textContent(),
        "In step with this computer.",
      );

      // Find my band: the band vibrates, then stops.
      await openGroup(page, "Alerts");
      await page.getByRole("button", { name: "Find my band" }).click();
      await expectNote(page, "find", "The band is vibrating");
      assert.equal(await readSim(page, "lastAlertLevel"), "vibrate");
      await page.getByRole("button", { name: "Stop vibrating" }).click();
      await expectNote(page, "find", "Stopped");
      assert.notEqual(await readSim(page, "lastAlertLevel"), "vibrate");

      // Find my phone, started on the band: the page flashes and shows a notice.
      const notice = card(page, "find").getByRole("alert");
      assert.equal(await notice.count(), 0);
      await callSim(page, "startFindPhone");
      await notice.filter({ hasText: "Your band is looking for this phone." })
        .waitFor();
      assert.match(
        await page.evaluate(() => document.body.className),
        /\bfind-phone-flash\b/,
      );
      assert.equal(
        await readSim(page, "settings.find_phone_ack.state"),
        "ringing",
      );
      await page.getByRole("button", { name: "I found it" }).click();
      await notice.waitFor({ state: "detached" });
      assert.doesNotMatch(
        await page.evaluate(() => document.body.className),
        /find-phone-flash/,
      );

      // Notifications: title and text, then an incoming call.
      const notes = card(page, "notifications");
      await notes.getByRole("textbox", { name: "Title" }).fill("Lunch");
      await notes.getByRole("textbox", { name: "Text" }).fill(
        "At noon by the river",
      );
      // Feedback comes before the band answers: hold the band's writes, see
      // the card say what it is doing, then let the band answer.
      await page.evaluate(() => {
        type Band = { write(...args: unknown[]): Promise<void> };
        const g = globalThis as unknown as {
          __simBands: Band[];
          __release?: () => void;
        };
        const band = g.__simBands[0];
        const write = band.write.bind(band);
        const held = new Promise<void>((resolve) => (g.__release = resolve));
        band.write = async (...args: unknown[]) => {
          await held;
          band.write = write;
          return await write(...args);
        };
      });
      await notes.getByRole("button", { name: "Send notification" }).click();
      await expectNote(page, "notifications", "Talking to the band…");
      assert.equal(await readSim(page, "lastNotification"), null);
      await page.evaluate(() =>
        (globalThis as unknown as { __release: () => void }).__release()
      );
      await expectNote(page, "notifications", "Notification sent");
      const received = await readSim<{ title: string; body: string }>(
        page,
        "lastNotification",
      );
      assert.equal(received.title, "Lunch");
      assert.equal(received.body, "At noon by the river");
      const call = card(page, "incoming-call");
      await call.getByRole("textbox", { name: "Caller" }).fill("Mom");
      await call.getByRole("button", { name: "Simulate incoming call" })
        .click();
      await expectNote(page, "incoming-call", "Calling from Mom");
      assert.equal(await readSim(page, "activeCall"), "Mom");
      await call.getByRole("button", { name: "End call" }).click();
      await expectNote(page, "incoming-call", "Call ended");
      assert.equal(await readSim(page, "activeCall"), null);

      // Music: what the band's music screen shows, and a button pressed on the band.
      await openGroup(page, "Band screen");
      const music = card(page, "music");
      await music.getByRole("textbox", { name: "Track" }).fill("Blue in Green");
      await music.getByRole("textbox", { name: "Artist" }).fill("Miles Davis");
      await music.getByRole("checkbox", { name: "Playing" }).uncheck();
      await music.getByRole("button", { name: "Show on band" }).click();
      await expectNote(page, "music", "Music screen updated");
      assert.deepEqual(await readSim(page, "lastMusic"), {
        track: "Blue in Green",
        artist: "Miles Davis",
        playback: { playing: false, positionSeconds: 0 },
        volume: 50,
      });
      await callSim(page, "pressMusicButton", "next");
      await page.getByTestId("music-presses").getByText("Next track").waitFor();
      assert.deepEqual(
        await page.getByTestId("music-presses").locator("li").allTextContents(),
        ["Next track"],
      );

      // Weather, typed in.
      const weather = card(page, "weather");
      await weather.getByLabel("Condition").selectOption("snow");
      await weather.getByLabel("Temperature").fill("-3");
      await weather.getByRole("button", { name: "Send to band" }).click();
      await expectNote(page, "weather", "Weather sent to the band");
      const current = await readSim<Record<string, unknown>>(
        page,
        "weather.current",
      );
      assert.equal(current.condition, "snow");
      assert.equal(current.temperature, -3);
      const forecast = await readSim<{ days: { max: number }[] }>(
        page,
        "weather.forecast",
      );
      assert.equal(forecast.days[0].max, -3);

      // Device info, read again from the band.
      await openGroup(page, "Device");
      await page.getByRole("button", { name: "Read from band" }).click();
      await expectNote(page, "device-info", "Read from the band");
      assert.equal(
        await page.getByTestId("firmware").textContent(),
        "1.0.9.70",
      );

      await saveScreenshot(page, "band-page-connected-1280");
      await page.setViewportSize({ width: 390, height: 900 });
      await saveScreenshot(page, "band-page-connected-390");
      assert.deepEqual(errors, []);
    } finally {
      await rig.close();
      await stopSimulatorBundler();
    }
  },
});
