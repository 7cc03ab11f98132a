// Browser side of the islands layer: finds the markers the server rendered and
// hydrates each with its component and props. The generated page entry passes
// the components of the islands that page can render (see build_islands.ts),
// and, for the page's lazy islands, their names and a loader: a lazy marker
// hydrates once it is first shown (its hidden tab panel opened), after the
// loader has fetched the page's lazy module once.
import { type ComponentType, h, hydrate, render } from "preact";
import { registerServiceWorker } from "../pwa/register.ts";

// deno-lint-ignore no-explicit-any
type AnyComponent = ComponentType<any>;

/** Loads a page's lazy module: its default export maps each lazy island's name to its component. */
export type LazyLoader = () => Promise<
  { default: Record<string, AnyComponent> }
>;

/**
 * Hydrates every island marker on the page with the component of its name,
 * leaving the markers of the `lazy` names to {@link hydrateLazyIslands}.
 */
export function hydrateIslands(
  components: Record<string, AnyComponent>,
  lazy: string[] = [],
): void {
  const markers = document.querySelectorAll<HTMLElement>("[data-island]");
  for (const marker of markers) {
    const name = marker.dataset.island ?? "";
    const component = components[name];
    if (component) hydrateMarker(marker, component);
    else if (!lazy.includes(name)) reportMissing(name);
  }
  registerServiceWorker();
}

/**
 * Brings one marker to life. At page load the state matches what the server
 * rendered, so hydrate() only attaches the handlers. A lazy island comes later,
 * when shared state (a connected band, say) may have moved on: hydrate() would
 * leave the server's attributes and text as they were, so it is rendered over
 * the server's DOM instead, which reuses the nodes and updates what differs.
 */
function hydrateMarker(
  marker: HTMLElement,
  component: AnyComponent,
  late = false,
): void {
  const props = JSON.parse(marker.dataset.props ?? "{}");
  (late ? render : hydrate)(h(component, props), marker);
  marker.dataset.hydrated = "true";
}

function reportMissing(name: string): void {
  console.error(
    `Cannot hydrate island ${name}: it is not in this page's islands build`,
  );
}

/**
 * Hydrates the markers of these lazy islands once they are first shown: an
 * island inside a hidden panel has no box, and a ResizeObserver reports the
 * moment it gets one (the panel shown). The first one loads the page's lazy
 * module, then every lazy marker rendered by then hydrates with it. If the
 * code fails to load, the next marker to be shown tries again. Separate from
 * hydrateIslands() so pages without lazy islands do not ship it.
 */
export function hydrateLazyIslands(names: string[], load: LazyLoader): void {
  const markers = [...document.querySelectorAll<HTMLElement>("[data-island]")]
    .filter((marker) => names.includes(marker.dataset.island ?? ""));
  if (markers.length === 0) return;
  // A marker is `display: contents` (no box of its own): watch the element the
  // island rendered instead.
  const waiting = new Map<Element, HTMLElement>();
  for (const marker of markers) {
    waiting.set(
      marker.firstElementChild ?? marker.parentElement ?? marker,
      marker,
    );
  }
  let loading: Promise<Record<string, AnyComponent>> | undefined;
  const hydrateShown = (components: Record<string, AnyComponent>) => {
    for (const [target, marker] of waiting) {
      if (!target.checkVisibility()) continue;
      waiting.delete(target);
      observer.unobserve(target);
      const name = marker.dataset.island ?? "";
      const component = components[name];
      if (component) hydrateMarker(marker, component, true);
      else reportMissing(name);
    }
  };
  const observer = new ResizeObserver((entries) => {
    if (!entries.some((entry) => entry.target.checkVisibility())) return;
    loading ??= load().then((mod) => mod.default);
    loading.then(hydrateShown, (error) => {
      loading = undefined;
      console.error(
        `Cannot hydrate lazy islands ${
          names.join(", ")
        }: their code did not load: ${error}`,
      );
    });
  });
  for (const target of waiting.keys()) observer.observe(target);
}
