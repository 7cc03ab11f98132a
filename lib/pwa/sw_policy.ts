// What the service worker keeps and when (pure, so tests can ask it): cache
// names, which pages are saved for offline, and the banner a saved copy carries.
// No API answer is ever cached: they are per person and change with every sync.

/** Prefix of every cache this app owns, so activation can remove old versions. */
export const CACHE_PREFIX = "band-web-";

/** Header a saved page carries: when it was saved, in epoch ms. */
export const SAVED_AT_HEADER = "X-Band-Web-Saved-At";

/** The offline page (static, nothing per person in it). */
export const OFFLINE_PATH = "/offline.html";

/** The cache names of one version: the app shell and the pages the person visited. */
export function nameCaches(version: string): { shell: string; pages: string } {
  return {
    shell: `${CACHE_PREFIX}shell-${version}`,
    pages: `${CACHE_PREFIX}pages-${version}`,
  };
}

/** The caches to delete on activation: every one of ours not of this version. */
export function listStaleCaches(names: string[], version: string): string[] {
  const current = Object.values(nameCaches(version));
  return names.filter((name) =>
    name.startsWith(CACHE_PREFIX) && !current.includes(name)
  );
}

const SAVED_PAGES = [
  /^\/$/,
  /^\/devices\/(?!new$)[^/]+$/,
  /^\/devices\/[^/]+\/history$/,
];

/** Whether a page at this path is saved for offline: home, band pages and history. */
export function isSavedPage(path: string): boolean {
  return SAVED_PAGES.some((pattern) => pattern.test(path));
}

/** Whether an answer at this path means nobody is signed in (saved pages must go). */
export function isSignedOutPage(path: string): boolean {
  return path === "/signin" || path === "/setup" || path === "/signout";
}

/** Whether the SW may serve this path from the shell cache (never the API). */
export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/** The banner's markup for a copy saved at `savedAt` (ms); `format` renders the time. */
export function renderOfflineBanner(
  savedAt: number,
  format: (date: Date) => string,
): string {
  const date = new Date(savedAt);
  return `<p class="notice notice-warn offline-banner" role="status" id="offline-banner">Offline: saved copy from <time datetime="${date.toISOString()}">${
    escapeHtml(format(date))
  }</time></p>`;
}

/** Puts the banner at the top of the page's main content (or of the body). */
export function insertOfflineBanner(html: string, banner: string): string {
  const main = /<main\b[^>]*>/.exec(html) ?? /<body\b[^>]*>/.exec(html);
  if (!main) return banner + html;
  const at = main.index + main[0].length;
  return html.slice(0, at) + banner + html.slice(at);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
