import assert from "node:assert/strict";
import {
  buildManifest,
  limitShortcutName,
  MAX_BAND_SHORTCUTS,
  MAX_SHORTCUT_NAME,
} from "../../lib/pwa/manifest.ts";

const ICON_192 = {
  src: "/icons/icon-192.png",
  sizes: "192x192",
  type: "image/png",
};

// The generic manifest, field for field as static/manifest.webmanifest served it
// before the manifest became per person.
const GENERIC = {
  id: "/",
  name: "Band Web",
  short_name: "Band Web",
  description:
    "Your Mi Smart Band 4, its settings and its history, on your own server.",
  start_url: "/",
  scope: "/",
  display: "standalone",
  background_color: "#f6f7f9",
  theme_color: "#0b6e4f",
  icons: [
    { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
    ICON_192,
    { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
  ],
  shortcuts: [
    { name: "Your bands", short_name: "Bands", url: "/", icons: [ICON_192] },
    {
      name: "Add a band",
      short_name: "Add",
      url: "/devices/new",
      icons: [ICON_192],
    },
  ],
};

Deno.test("buildManifest() without bands is the generic manifest, fields in their old order", () => {
  assert.equal(JSON.stringify(buildManifest()), JSON.stringify(GENERIC));
  assert.deepEqual(buildManifest([]), GENERIC);
});

Deno.test("buildManifest() puts one shortcut per band, to its page, before the generic two", () => {
  const manifest = buildManifest([
    { id: "b1", name: "Blue band" },
    { id: "b2", name: "Red band" },
  ]);
  assert.deepEqual(manifest.shortcuts, [
    { name: "Blue band", url: "/devices/b1", icons: [ICON_192] },
    { name: "Red band", url: "/devices/b2", icons: [ICON_192] },
    ...GENERIC.shortcuts,
  ]);
  const { shortcuts: _a, ...rest } = manifest;
  const { shortcuts: _b, ...genericRest } = GENERIC;
  assert.deepEqual(rest, genericRest, "every other field stays generic");
});

Deno.test("buildManifest() lists at most MAX_BAND_SHORTCUTS bands, the first ones", () => {
  const bands = Array.from(
    { length: MAX_BAND_SHORTCUTS + 3 },
    (_, i) => ({ id: `b${i}`, name: `Band ${i}` }),
  );
  const urls = (buildManifest(bands).shortcuts as { url: string }[])
    .map((s) => s.url);
  assert.equal(MAX_BAND_SHORTCUTS, 8);
  assert.deepEqual(urls, [
    ...bands.slice(0, 8).map((b) => `/devices/${b.id}`),
    "/",
    "/devices/new",
  ]);
});

Deno.test("buildManifest() keeps a name with quotes and markup as inert JSON text, and escapes the id in the URL", () => {
  const name = `"Ada's" </script><img src=x onerror=alert(1)> & \\`;
  const manifest = buildManifest([{ id: "a/../b?c", name }]);
  const text = JSON.stringify(manifest);
  const back = JSON.parse(text) as typeof manifest;
  const shortcut = (back.shortcuts as { name: string; url: string }[])[0];
  assert.equal(shortcut.name, name, "the name survives the round trip as is");
  assert.equal(shortcut.url, "/devices/a%2F..%2Fb%3Fc");
  assert.ok(text.includes(String.raw`"\"Ada's\" </script>`));
});

Deno.test("limitShortcutName() turns control characters into spaces and cuts long names at whole characters", () => {
  assert.equal(limitShortcutName("Blue\nband\u0000\u2028 x"), "Blue band x");
  assert.equal(limitShortcutName("  \t "), "Band");
  const long = "🏃".repeat(MAX_SHORTCUT_NAME + 5);
  const cut = limitShortcutName(long);
  assert.equal([...cut].length, MAX_SHORTCUT_NAME);
  assert.equal(cut, "🏃".repeat(MAX_SHORTCUT_NAME));
  assert.equal(
    (buildManifest([{ id: "b", name: "x".repeat(500) }]).shortcuts as {
      name: string;
    }[])[0].name,
    "x".repeat(MAX_SHORTCUT_NAME),
  );
});
