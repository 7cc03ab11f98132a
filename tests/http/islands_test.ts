import assert from "node:assert/strict";
import { h } from "preact";
import { createApp, type Manifest } from "../../lib/http/app.ts";
import {
  readLazyOption,
  serializeIslandProps,
} from "../../lib/http/islands.ts";
import {
  islandsEntrySource,
  lazyModuleSource,
} from "../../lib/http/build_islands.ts";
import { loadConfig } from "../../fresh.config.ts";

function Greeting(props: { text: string; count?: number }) {
  return h("p", { class: "greeting" }, `${props.text} ${props.count ?? 0}`);
}
function Later(props: { note: string }) {
  return h("p", { class: "later" }, props.note);
}
function Outer(props: { label: string }) {
  return h("section", null, props.label, h(Greeting, { text: "inner" }));
}

const tricky = {
  text:
    "</script><script>alert(1)</script><!-- -->&amp; \u2028 \"quoted\" 'single' ünï 🎉",
  count: 3,
};

const manifest: Manifest = {
  routes: {
    "./routes/two.tsx": {
      default: () =>
        h("main", null, h(Greeting, tricky), h(Greeting, { text: "second" })),
    },
    "./routes/none.tsx": { default: () => h("main", null, "plain page") },
    "./routes/lazy.tsx": {
      default: () =>
        h(
          "main",
          null,
          h(Later, { note: "shown" }),
          h(Greeting, { text: "a" }),
        ),
    },
    "./routes/nested.tsx": {
      default: () => h("main", null, h(Outer, { label: "outer" })),
    },
  },
  islands: {
    "./islands/Greeting.tsx": { default: Greeting as never },
    "./islands/Outer.tsx": { default: Outer as never },
    "./islands/Later.tsx": { default: Later as never, lazy: true },
  },
};

async function getHtml(path: string): Promise<string> {
  const kv = await Deno.openKv(":memory:");
  try {
    const app = createApp({
      config: loadConfig({ KV_PATH: ":memory:" }),
      kv,
      manifest,
      build: {
        bundles: [{
          islands: ["Greeting", "Later", "Outer"],
          entry: "/build/page-TEST.js",
          preload: ["/build/chunk-A.js"],
        }],
        elapsedMs: 0,
      },
    });
    const res = await app.request(path);
    assert.equal(res.status, 200);
    return await res.text();
  } finally {
    kv.close();
  }
}

function decodeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(
    /&lt;/g,
    "<",
  ).replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function islandMarkers(html: string): { name: string; props: unknown }[] {
  return [...html.matchAll(/data-island="([^"]+)" data-props="([^"]*)"/g)].map((
    m,
  ) => ({
    name: m[1],
    props: JSON.parse(decodeAttribute(m[2])),
  }));
}

Deno.test("islands: props with </script>, <!-- and unicode round-trip intact", async () => {
  const html = await getHtml("/two");
  const markers = islandMarkers(html);
  assert.deepEqual(markers[0], { name: "Greeting", props: tricky });
  assert.equal(
    html.includes("<script>alert(1)"),
    false,
    "raw script text must not appear in the page",
  );
  assert.equal(html.indexOf("<!-- -->"), -1);
});

Deno.test("islands: an island used twice on one page gets two markers and one script", async () => {
  const html = await getHtml("/two");
  const markers = islandMarkers(html);
  assert.deepEqual(markers.map((m) => m.name), ["Greeting", "Greeting"]);
  assert.deepEqual(markers[1].props, { text: "second" });
  assert.equal(
    html.match(/<script type="module" src="\/build\/page-TEST.js"><\/script>/g)
      ?.length,
    1,
  );
  assert.match(html, /<link rel="modulepreload" href="\/build\/chunk-A.js">/);
  assert.match(html, /<p class="greeting">second 0<\/p>/);
});

Deno.test("islands: a page without islands has no <script>", async () => {
  const html = await getHtml("/none");
  assert.match(html, /plain page/);
  assert.equal(html.includes("<script"), false);
  assert.equal(html.includes("modulepreload"), false);
});

Deno.test("islands: an island inside an island hydrates with the outer one", async () => {
  const html = await getHtml("/nested");
  assert.deepEqual(islandMarkers(html).map((m) => m.name), ["Outer"]);
  assert.match(html, /<p class="greeting">inner 0<\/p>/);
});

Deno.test("serializeIslandProps() refuses values that cannot reach the browser", () => {
  assert.throws(
    () => serializeIslandProps("X", { when: new Date(0) }),
    /when is a Date/,
  );
  assert.throws(
    () => serializeIslandProps("X", { onClick: () => {} }),
    /onClick is a function/,
  );
  assert.throws(
    () => serializeIslandProps("X", { n: NaN }),
    /not a finite number/,
  );
  assert.equal(
    serializeIslandProps("X", { a: [1, { b: "c" }], children: "ignored" }),
    '{"a":[1,{"b":"c"}]}',
  );
});

Deno.test("islandsEntrySource() imports each island statically and hydrates it by name", () => {
  const source = islandsEntrySource(["./islands/A.tsx", "./islands/sub/B.tsx"]);
  assert.match(source, /import \$0 from "\.\/islands\/A\.tsx";/);
  assert.match(source, /import \$1 from "\.\/islands\/sub\/B\.tsx";/);
  assert.match(source, /"A": \$0,/);
  assert.match(source, /"sub_B": \$1,/);
  assert.equal(source.includes("import("), false, "no lazy island chunks");
  assert.equal(
    source.includes("hydrateLazyIslands"),
    false,
    "a page without lazy islands does not ship the lazy loader",
  );
});

Deno.test("islands: a lazy island's marker says so and still renders its HTML; others carry no such mark", async () => {
  const html = await getHtml("/lazy");
  assert.deepEqual(islandMarkers(html), [
    { name: "Later", props: { note: "shown" } },
    { name: "Greeting", props: { text: "a" } },
  ]);
  assert.match(
    html,
    /data-island="Later" data-props="[^"]*" data-lazy="true"><p class="later">shown<\/p>/,
  );
  assert.doesNotMatch(html, /data-island="Greeting"[^>]*data-lazy/);
});

Deno.test("readLazyOption() takes true, false or nothing and refuses anything else", () => {
  assert.equal(readLazyOption("./islands/A.tsx", {}), false);
  assert.equal(readLazyOption("./islands/A.tsx", { lazy: false }), false);
  assert.equal(readLazyOption("./islands/A.tsx", { lazy: true }), true);
  assert.throws(
    () => readLazyOption("./islands/A.tsx", { lazy: "yes" }),
    /Cannot register island \.\/islands\/A\.tsx: its lazy export must be true or false/,
  );
});

Deno.test("islandsEntrySource() leaves lazy islands to one import() of the page's lazy module", () => {
  const source = islandsEntrySource(
    ["./islands/A.tsx", "./islands/B.tsx", "./islands/sub/C.tsx"],
    ["./islands/B.tsx", "./islands/sub/C.tsx"],
  );
  assert.match(source, /import \$0 from "\.\/islands\/A\.tsx";/);
  assert.doesNotMatch(source, /from "\.\/islands\/B\.tsx"/);
  assert.doesNotMatch(source, /from "\.\/islands\/sub\/C\.tsx"/);
  assert.match(
    source,
    /hydrateIslands\(\{\n {2}"A": \$0,\n\}, \["B","sub_C"\]\);/,
  );
  assert.match(
    source,
    /hydrateLazyIslands\(\["B","sub_C"\], \(\) => import\("islands-entry:lazy"\)\);/,
  );
  assert.equal(source.match(/import\(/g)?.length, 1, "one lazy module");
  const lazy = lazyModuleSource(["./islands/B.tsx", "./islands/sub/C.tsx"]);
  assert.match(lazy, /import \$0 from "\.\/islands\/B\.tsx";/);
  assert.match(lazy, /import \$1 from "\.\/islands\/sub\/C\.tsx";/);
  assert.match(
    lazy,
    /export default \{\n {2}"B": \$0,\n {2}"sub_C": \$1,\n\};/,
  );
});
