// The name of this browser's offline store, apart from its code, so the service
// worker can delete the whole store on sign-out without bundling IndexedDB code.

/** The IndexedDB database that holds every band this browser keeps for offline use. */
export const OFFLINE_DB_NAME = "band-web-offline";
