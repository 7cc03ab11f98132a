import assert from "node:assert/strict";
import {
  CHARACTERISTIC as C,
  SERVICE as S,
} from "../../lib/protocol/constants.ts";
import { VirtualBand } from "../../lib/sim/virtual_band.ts";
import {
  createAuthedBand,
  hex,
  ManualScheduler,
  recordNotifications,
} from "./_helpers.ts";

async function writeChunks(band: VirtualBand, chunks: string[]): Promise<void> {
  for (const chunk of chunks) {
    await band.write(S.miBand1, C.chunkedTransfer, hex(chunk), false);
  }
}

function authed(): Promise<VirtualBand> {
  return createAuthedBand({ now: () => 0, scheduler: new ManualScheduler() }, [[
    S.miBand1,
    C.chunkedTransfer,
  ]]);
}

Deno.test("chunked §30.10 music chunks decode into the player state, without a reply", async () => {
  const band = await authed();
  const log = recordNotifications(band);
  await writeChunks(band, [
    "00 03 00 1b 01 00 1e 00 41 72 74 69 73 74 00 53 6f 6e 67 00",
    "00 83 01 d7 00",
  ]);
  assert.deepEqual(band.state.lastMusic, {
    playback: { playing: true, positionSeconds: 30 },
    artist: "Artist",
    track: "Song",
    durationSeconds: 215,
  });
  assert.deepEqual(log, []);
});

Deno.test("chunked music is accepted before authentication, notifications are not", async () => {
  const band = new VirtualBand({
    now: () => 0,
    scheduler: new ManualScheduler(),
  });
  band.connect();
  await writeChunks(band, ["00 c3 00 40 37"]);
  await writeChunks(band, [
    "00 c0 00 05 00 00 00 00 01 42 6f 62 00 20 00 20 00",
  ]);
  assert.deepEqual(band.state.lastMusic, { volume: 55 });
  assert.equal(band.state.lastNotification, null);
});

Deno.test("chunked §30.12 Telegram notification reassembles from three chunks", async () => {
  const band = await authed();
  await writeChunks(band, [
    "00 00 00 fa 00 00 00 00 01 19 41 6c 69 63 65 00 48 65 6c 6c",
    "00 40 01 6f 20 66 72 6f 6d 20 74 68 65 20 77 65 62 00 54 65",
    "00 80 02 6c 65 67 72 61 6d 00",
  ]);
  assert.deepEqual(band.state.lastNotification, {
    channel: "chunked",
    category: "custom",
    icon: "telegram",
    title: "Alice",
    body: "Hello from the web",
    appName: "Telegram",
  });
});

Deno.test("chunked §30.11 weather keeps the latest record of each kind", async () => {
  const band = await authed();
  await writeChunks(band, ["00 c1 00 08 42 65 72 6c 69 6e 00"]);
  await writeChunks(band, [
    "00 01 00 01 80 87 ec 65 04 03 01 01 0e 05 43 6c 6f 75 64 79",
    "00 41 01 00 08 08 0b 06 52 61 69 6e 00 00 00 10 03 53 75 6e",
    "00 81 02 6e 79 00",
  ]);
  assert.deepEqual(Object.keys(band.state.weather).sort(), [
    "forecast",
    "location",
  ]);
  assert.deepEqual(band.state.weather.location, {
    kind: "location",
    name: "Berlin",
  });
});

Deno.test("chunked §30.13 display items decode into the shown menu order", async () => {
  const band = await authed();
  await writeChunks(band, [
    "00 02 00 1e 00 00 ff 12 01 00 ff 01 02 00 ff 02 03 00 ff 04",
    "00 82 01 04 00 ff 07 05 01 ff 03 06 01 ff 05 07 01 ff 06",
  ]);
  const layout = band.state.settings.display_items as {
    shown: string[];
    entries: unknown[];
  };
  assert.equal(layout.entries.length, 8);
  assert.deepEqual(layout.shown, ["status", "heart_rate", "weather", "more"]);
});

Deno.test("chunked §30.14 reminder payload is kept raw under config2_0b", async () => {
  const band = await authed();
  await writeChunks(band, [
    "00 02 00 0b 00 09 00 00 00 e8 07 03 0b 09 1e 00 44 65 6e 74",
    "00 82 01 69 73 74 00",
  ]);
  assert.deepEqual(
    band.state.settings.config2_0b,
    hex("0b 00 09 00 00 00 e8 07 03 0b 09 1e 00 44 65 6e 74 69 73 74 00"),
  );
});

Deno.test("chunked accepts any chunk size and drops a message with a sequence gap", async () => {
  const band = await authed();
  await writeChunks(band, ["00 03 00 40", "00 83 01 37"]);
  assert.deepEqual(band.state.lastMusic, { volume: 55 });
  await writeChunks(band, ["00 03 00 40", "00 83 02 10"]);
  assert.deepEqual(band.state.lastMusic, { volume: 55 });
});
