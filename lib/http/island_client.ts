// Browser side of the islands layer: finds the markers the server rendered and
// hydrates each with its component and props. The generated page entry passes
// the components of the islands that page can render (see build_islands.ts).
import { type ComponentType, h, hydrate } from "preact";
import { registerServiceWorker } from "../pwa/register.ts";

/** Hydrates every island marker on the page with the component of its name. */
export function hydrateIslands(
  // deno-lint-ignore no-explicit-any
  components: Record<string, ComponentType<any>>,
): void {
  const markers = document.querySelectorAll<HTMLElement>("[data-island]");
  for (const marker of markers) {
    const name = marker.dataset.island ?? "";
    const component = components[name];
    if (!component) {
      console.error(
        `Cannot hydrate island ${name}: it is not in this page's islands build`,
      );
      continue;
    }
    const props = JSON.parse(marker.dataset.props ?? "{}");
    hydrate(h(component, props), marker);
    marker.dataset.hydrated = "true";
  }
  registerServiceWorker();
}
