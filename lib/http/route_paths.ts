// Fresh's file-system routing rules, as pure functions on module paths.

/** `./routes/devices/[id].tsx` → `/devices/:id`; `[...rest]` → `:rest{.+}`; `(group)` folders vanish. */
export function routePattern(path: string): string {
  const parts = path.replace(/^\.\/routes/, "").replace(/\.(tsx|ts)$/, "")
    .split("/")
    .filter((part) => part !== "" && !/^\(.*\)$/.test(part));
  if (parts.at(-1) === "index") parts.pop();
  const segments = parts.map((part) => {
    const rest = /^\[\.\.\.(\w+)\]$/.exec(part);
    if (rest) return `:${rest[1]}{.+}`;
    return part.replace(/\[(\w+)\]/g, ":$1");
  });
  return "/" + segments.join("/");
}

/** The folder a special file (`_middleware`, `_app`, …) sits in, as a URL prefix. */
export function routeFolder(path: string): string {
  const folder = path.replace(/^\.\/routes/, "").split("/").slice(0, -1)
    .filter((part) => part !== "" && !/^\(.*\)$/.test(part));
  return "/" + folder.join("/");
}

/** Whether a module is one of Fresh's special files rather than a route. */
export function isSpecialFile(path: string): boolean {
  return /\/_[^/]*\.(tsx|ts)$/.test(path);
}

/** Sort key: static segments before dynamic ones before catch-alls, then longer first. */
export function routeRank(pattern: string): number[] {
  return pattern.split("/").filter(Boolean).map((segment) =>
    segment.includes("{.+}") ? 2 : segment.startsWith(":") ? 1 : 0
  );
}

/** Orders patterns so the most specific matches first. */
export function compareRoutes(a: string, b: string): number {
  const ra = routeRank(a);
  const rb = routeRank(b);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    if (ra[i] !== rb[i]) return ra[i] - rb[i];
  }
  return rb.length - ra.length;
}

/** Whether a route folder prefix covers a URL path or route pattern. */
export function folderCovers(folder: string, path: string): boolean {
  return folder === "/" || path === folder || path.startsWith(folder + "/");
}
