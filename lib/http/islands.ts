// Server side of the islands layer: a page that renders an island's default
// export gets it wrapped in a marker element that carries the island's name and
// its JSON props; the browser entry hydrates each marker (see island_client.ts).
// An island module may also export `lazy = true`: its markers then carry
// `data-lazy` and its code loads with `import()` when a marker of it is first
// shown (a hidden tab panel opened), not with the page.
import {
  type ComponentType,
  createContext,
  h,
  options,
  type VNode,
} from "preact";
import { useContext } from "preact/hooks";

const islandNames = new Map<unknown, string>();
const lazyIslands = new Set<string>();
const InsideIsland = createContext(false);

/** Collects the islands one page render used, so the page knows whether to ship JavaScript. */
export interface IslandCollector {
  names: Set<string>;
}

let currentCollector: IslandCollector | undefined;

/** What an island module exports: its component and, optionally, that it loads lazily. */
export interface IslandModule {
  default: ComponentType<never>;
  /** Load this island's code when a marker of it is first shown, not with the page. */
  lazy?: boolean;
}

/** Registers the default exports of `islands/*.tsx` under their file names. */
export function registerIslands(modules: Record<string, IslandModule>) {
  for (const [path, mod] of Object.entries(modules)) {
    const name = islandNameFromPath(path);
    if (typeof mod.default !== "function") {
      throw new Error(
        `Cannot register island ${path}: it has no default-export component`,
      );
    }
    islandNames.set(mod.default, name);
    if (readLazyOption(path, mod)) lazyIslands.add(name);
    else lazyIslands.delete(name);
  }
}

/** The island module's `lazy` export: true, false or absent (false); anything else is refused. */
export function readLazyOption(path: string, mod: { lazy?: unknown }): boolean {
  if (mod.lazy === undefined || typeof mod.lazy === "boolean") {
    return mod.lazy ?? false;
  }
  throw new TypeError(
    `Cannot register island ${path}: its lazy export must be true or false`,
  );
}

/** `./islands/AddBandButton.tsx` → `AddBandButton`. */
export function islandNameFromPath(path: string): string {
  return path.replace(/^.*\/islands\//, "").replace(/\.(tsx|ts|jsx|js)$/, "")
    .replace(
      /[^A-Za-z0-9_]/g,
      "_",
    );
}

/** Runs `render` while recording which islands it used. */
export function collectIslands<T>(
  render: () => T,
): { result: T; collector: IslandCollector } {
  const collector: IslandCollector = { names: new Set() };
  const previous = currentCollector;
  currentCollector = collector;
  try {
    return { result: render(), collector };
  } finally {
    currentCollector = previous;
  }
}

/**
 * Serializes island props to JSON, refusing what cannot survive the trip to the
 * browser (functions, class instances, `undefined` in arrays, non-finite numbers).
 */
export function serializeIslandProps(
  name: string,
  props: Record<string, unknown>,
): string {
  const { children: _children, ...rest } = props;
  checkSerializable(name, rest, "props");
  return JSON.stringify(rest);
}

function checkSerializable(island: string, value: unknown, path: string): void {
  if (
    value === null || typeof value === "string" || typeof value === "boolean"
  ) return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new TypeError(
        `Cannot serialize props of island ${island}: ${path} is not a finite number`,
      );
    }
    return;
  }
  if (typeof value === "undefined") return;
  if (Array.isArray(value)) {
    value.forEach((item, i) =>
      checkSerializable(island, item, `${path}[${i}]`)
    );
    return;
  }
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(
        `Cannot serialize props of island ${island}: ${path} is a ${
          proto?.constructor?.name ?? "class instance"
        }, pass plain data`,
      );
    }
    for (const [key, item] of Object.entries(value)) {
      checkSerializable(island, item, `${path}.${key}`);
    }
    return;
  }
  throw new TypeError(
    `Cannot serialize props of island ${island}: ${path} is a ${typeof value}`,
  );
}

// deno-lint-ignore no-explicit-any
type AnyComponent = ComponentType<any>;

interface WrapperProps {
  island: string;
  component: AnyComponent;
  props: Record<string, unknown>;
}

let creatingInner = false;

/** Creates the island's own vnode without wrapping it again. */
function innerVnode(component: AnyComponent, props: Record<string, unknown>) {
  creatingInner = true;
  try {
    return h(component, props);
  } finally {
    creatingInner = false;
  }
}

function IslandWrapper({ island, component, props }: WrapperProps) {
  // An island inside another island is part of the outer one's hydration.
  const insideIsland = useContext(InsideIsland);
  if (insideIsland) return innerVnode(component, props);
  currentCollector?.names.add(island);
  return h(
    "div",
    {
      class: "island",
      "data-island": island,
      "data-props": serializeIslandProps(island, props),
      "data-lazy": lazyIslands.has(island) ? "true" : undefined,
    },
    h(InsideIsland.Provider, { value: true }, innerVnode(component, props)),
  );
}

const previousVnodeHook = options.vnode;
options.vnode = (vnode: VNode) => {
  const type = vnode.type as AnyComponent;
  if (!creatingInner && typeof type === "function" && islandNames.has(type)) {
    const island = islandNames.get(type)!;
    (vnode as { props: unknown }).props = {
      island,
      component: type,
      props: vnode.props,
    } satisfies WrapperProps;
    (vnode as { type: unknown }).type = IslandWrapper;
  }
  previousVnodeHook?.(vnode);
};
