// The app as the HTTP fuzz sees it: the real manifest on in-memory KV, served
// in its own process so the fuzz can watch its memory and notice if it dies.
// Prints one JSON line: the origin and signed-in sessions the fuzz may use up
// (it may sign itself out, and its failed sign-ins may rate-limit it).
import { createOwner } from "../../lib/auth/accounts.ts";
import { SESSION_COOKIE, startSession } from "../../lib/auth/session.ts";
import { serveTestApp } from "../support/test_app.ts";

/** Sessions handed to the fuzz. */
const SESSIONS = 40;

// A weather service that is always down, so no request leaves the machine.
const upstream = Deno.serve(
  { port: 0, hostname: "127.0.0.1", onListen: () => {} },
  () => new Response("down", { status: 503 }),
);
const weather = `http://127.0.0.1:${upstream.addr.port}`;
const app = await serveTestApp({
  env: {
    WEATHER_API_URL: `${weather}/forecast`,
    GEOCODING_API_URL: `${weather}/search`,
  },
});
const owner = await createOwner(app.kv, {
  username: "owner",
  password: "correct horse battery",
  timeZone: "Europe/Berlin",
});
const sessions = [];
for (let i = 0; i < SESSIONS; i++) {
  const { token, session } = await startSession(app.kv, owner.id, {
    now: Date.now(),
  });
  sessions.push({
    cookie: `${SESSION_COOKIE}=${token}`,
    csrf: session.csrfToken,
  });
}
console.log(JSON.stringify({ origin: app.origin, sessions }));
if (Deno.env.get("FUZZ_TRACE") === "1") {
  setInterval(async () => {
    const m = Deno.memoryUsage();
    let keys = 0;
    for await (const _ of app.kv.list({ prefix: [] })) keys++;
    console.error(
      `mem rss=${(m.rss / 1048576).toFixed(0)} heap=${
        (m.heapUsed / 1048576).toFixed(0)
      } total=${(m.heapTotal / 1048576).toFixed(0)} ext=${
        (m.external / 1048576).toFixed(0)
      } keys=${keys}`,
    );
  }, 2000);
}
