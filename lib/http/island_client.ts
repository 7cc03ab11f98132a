// Browser side of the islands layer: finds the markers the server rendered and
// hydrates each with its component and props. The generated entry passes the
// loaders, one dynamic import per island, so each island is its own chunk.
import { h, hydrate } from "preact";

/** Loads one island module. */
export type IslandLoader = () => Promise<
  { default: (props: never) => unknown }
>;

/** Hydrates every island marker on the page. */
export async function hydrateIslands(
  loaders: Record<string, IslandLoader>,
): Promise<void> {
  const markers = Array.from(
    document.querySelectorAll<HTMLElement>("[data-island]"),
  );
  await Promise.all(markers.map(async (marker) => {
    const name = marker.dataset.island ?? "";
    const load = loaders[name];
    if (!load) {
      console.error(
        `Cannot hydrate island ${name}: it is not in the islands build`,
      );
      return;
    }
    const props = JSON.parse(marker.dataset.props ?? "{}");
    const mod = await load();
    // deno-lint-ignore no-explicit-any
    hydrate(h(mod.default as any, props), marker);
    marker.dataset.hydrated = "true";
  }));
}
