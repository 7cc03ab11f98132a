// A band page for browser tests of the connection island: the real route when the
// band page exists, else a minimal stand-in rendering the island with the band's data.
import { manifest } from "../../fresh.gen.ts";
import type { Manifest } from "../../lib/http/app.ts";
import { type Handlers, page, type PageProps } from "../../lib/http/define.ts";
import { createBand, getBand } from "../../lib/db/bands.ts";
import { addDays } from "../../lib/time/zones.ts";
import { listMinutes } from "../../lib/db/history_queries.ts";
import { createTestApp } from "../support/test_app.ts";
import BandConnection, {
  type BandConnectionProps,
} from "../../islands/BandConnection.tsx";

const PAGE = "./routes/devices/[id]/index.tsx";

const standIn = {
  handler: {
    async GET(ctx) {
      const band = await getBand(
        ctx.state.kv,
        ctx.state.user!.id,
        ctx.params.id,
      );
      if (!band) return new Response("no band", { status: 404 });
      return page<BandConnectionProps>({
        bandId: band.id,
        name: band.name,
        mac: band.mac,
        virtual: band.model.startsWith("Virtual"),
        userId: ctx.state.user!.id,
        csrfToken: ctx.state.session?.csrfToken,
      });
    },
  } as Handlers<BandConnectionProps>,
  default: ({ data }: PageProps<BandConnectionProps>) => (
    <BandConnection {...data} />
  ),
};

/** The app's manifest with a band page guaranteed. */
export function bandPageManifest(): Manifest {
  const routes = manifest.routes as Record<string, unknown>;
  if (routes[PAGE]) return manifest as unknown as Manifest;
  return {
    ...manifest,
    routes: { ...routes, [PAGE]: standIn },
  } as unknown as Manifest;
}

/** Stores a band for a person, as the add-band flow would. */
export async function storeBand(
  kv: Deno.Kv,
  userId: string,
  band: { mac: string; key: string },
): Promise<string> {
  const id = crypto.randomUUID();
  const result = await createBand(kv, {
    id,
    userId,
    name: "Test band",
    mac: band.mac,
    authKey: band.key,
    model: "Mi Smart Band 4",
    firmwareRevision: null,
    hardwareRevision: null,
    lastBattery: null,
    settings: {},
    createdAt: Date.now(),
  });
  if (!result.ok) throw new Error("Cannot store test band: MAC taken");
  return id;
}

/** Every stored minute's time over the UTC days from `from` to `to`. */
export async function listStoredTimes(
  kv: Deno.Kv,
  bandId: string,
  range: { from: string; to: string },
): Promise<number[]> {
  const times: number[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const minutes = await listMinutes(kv, bandId, { day, timeZone: "UTC" });
    times.push(...minutes.map((m) => m.time));
  }
  return times;
}

/** Serves the app with a band page on a free port. */
export async function serveBandApp() {
  // Port 0 as in the server: the host check accepts loopback on any port.
  const testApp = await createTestApp({
    manifest: bandPageManifest(),
    env: { PORT: "0" },
  });
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: () => {} },
    testApp.app.fetch,
  );
  return {
    ...testApp,
    origin: `http://localhost:${server.addr.port}`,
    async shutdown() {
      await server.shutdown();
      testApp.close();
    },
  };
}
