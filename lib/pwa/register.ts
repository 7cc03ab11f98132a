// Browser side of the service worker: registers /sw.js (from the islands client,
// so every page with an island does) and, when a new version has installed and
// waits, offers "Reload to update". The new worker takes over only when the
// person asks, and never while the page's band is syncing: the click waits for
// the sync to end. The sync's status is imported only on that click: pages
// without a band would otherwise carry the signals library for one check.

import { OFFLINE_DB_NAME } from "../offline/db_name.ts";

/** Registers the service worker and watches for a waiting new version. */
export function registerServiceWorker(): void {
  forgetOfflineBandsOnSignOut();
  if (!("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  container.register("/sw.js", { scope: "/", updateViaCache: "none" })
    .then((registration) => {
      if (registration.waiting && container.controller) {
        offerUpdate(registration.waiting);
      }
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed" && container.controller) {
            offerUpdate(worker);
          }
        });
      });
    })
    .catch((error) => {
      console.warn(
        `Cannot work offline: the service worker did not register`,
        error,
      );
    });
}

function offerUpdate(worker: ServiceWorker): void {
  if (document.getElementById("update-banner")) return;
  const banner = document.createElement("div");
  banner.id = "update-banner";
  banner.className = "notice notice-ok update-banner";
  banner.setAttribute("role", "status");
  const text = document.createElement("span");
  text.textContent = "A new version of Band Web is ready.";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button";
  button.textContent = "Reload to update";
  button.addEventListener("click", () => {
    button.disabled = true;
    runWhenNotSyncing(() => activate(worker), () => {
      button.textContent = "Reloading when the sync ends…";
    }).catch((error) => {
      button.disabled = false;
      console.warn("Cannot update now: try again", error);
    });
  });
  banner.append(text, " ", button);
  document.body.append(banner);
}

/** Runs `then` now, or once the page's sync ends (calling `waiting` first when one runs). */
export async function runWhenNotSyncing(
  then: () => void,
  waiting: () => void,
): Promise<void> {
  const { connectionStatus } = await import("../state/band_connection.ts");
  if (connectionStatus.peek() !== "syncing") return then();
  waiting();
  let done = false;
  const stop = connectionStatus.subscribe((status) => {
    if (done || status === "syncing") return;
    done = true;
    queueMicrotask(() => stop());
    then();
  });
}

function activate(worker: ServiceWorker): void {
  navigator.serviceWorker.addEventListener(
    "controllerchange",
    () => location.reload(),
    { once: true },
  );
  worker.postMessage({ type: "skip-waiting" });
}

/**
 * Signing out removes every band this browser keeps for offline use (wrapped
 * keys, queued settings, the outbox) before the form goes, even where no
 * service worker runs to do it on the way.
 */
export function forgetOfflineBandsOnSignOut(): void {
  document.addEventListener("submit", (event) => {
    const form = event.target as HTMLFormElement;
    if (form.getAttribute("action") !== "/signout") return;
    if (form.dataset.forgotten === "true") return;
    event.preventDefault();
    const request = indexedDB.deleteDatabase(OFFLINE_DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = () => {
      form.dataset.forgotten = "true";
      form.submit();
    };
  });
}
