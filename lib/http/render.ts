// Renders a page component inside `_app.tsx` and adds the islands' scripts
// only when the page used an island.
import { type ComponentType, h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { AppProps, AppState, PageProps } from "./define.ts";
import { collectIslands } from "./islands.ts";
import { type IslandsBuild, pickBundle } from "./build_islands.ts";

/** Renders a full HTML document for a page. */
export function renderPage(
  options: {
    app?: ComponentType<AppProps>;
    page: ComponentType<PageProps>;
    props: PageProps;
    build?: IslandsBuild;
  },
): { html: string; islands: string[] } {
  const { app: App, page: Page, props } = options;
  const Component = () => h(Page, props);
  const { result, collector } = collectIslands(() =>
    renderToString(
      App ? h(App, { ...props, Component }) as VNode : h(Component, {}),
    )
  );
  let html = result.startsWith("<!DOCTYPE")
    ? result
    : `<!DOCTYPE html>${result}`;
  const islands = [...collector.names];
  if (islands.length > 0) {
    if (!options.build) {
      throw new Error(
        "Cannot render islands: the islands build is missing (run deno task build)",
      );
    }
    const bundle = pickBundle(options.build, islands);
    if (!bundle) {
      throw new Error(
        `Cannot render islands ${
          islands.join(", ")
        }: no page bundle holds them all (run deno task build)`,
      );
    }
    const tags = [
      ...bundle.preload.map((href) =>
        `<link rel="modulepreload" href="${href}">`
      ),
      `<script type="module" src="${bundle.entry}"></script>`,
    ].join("");
    html = html.includes("</body>")
      ? html.replace(/<\/body>(?![\s\S]*<\/body>)/, `${tags}</body>`)
      : html + tags;
  }
  return { html, islands };
}

/** Builds page props for a request. */
export function pageProps(
  data: unknown,
  ctx: { url: URL; params: Record<string, string>; state: AppState },
): PageProps {
  return { data, url: ctx.url, params: ctx.params, state: ctx.state };
}
