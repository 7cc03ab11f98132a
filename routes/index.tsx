import { type Handlers, page, type PageProps } from "../lib/http/define.ts";
import type { DaySummary } from "../lib/api/sample_schemas.ts";
import { isVirtualBand, listBands } from "../lib/db/bands.ts";
import { listDailySummaries } from "../lib/db/history_queries.ts";
import { getSyncState } from "../lib/db/sync_state.ts";
import { localDay } from "../lib/time/zones.ts";
import AddBandButton from "../islands/AddBandButton.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { VirtualBandForm } from "../components/VirtualBandForm.tsx";
import { type Formats, useFormats } from "../components/formats.ts";

interface BandRow {
  id: string;
  name: string;
  mac: string;
  virtual: boolean;
  battery: { level: number; charging: boolean } | null;
  lastSyncAt: number | null;
  stepsToday: number | null;
}

interface Data {
  bands: BandRow[];
  today: string;
  timeZone: string;
  now: number;
  csrfToken: string;
}

/** The signed-in person's bands; sends everyone else to sign in (or set up). */
export const handler: Handlers<Data> = {
  async GET(ctx) {
    const user = ctx.state.user;
    if (!user) {
      return new Response(null, {
        status: 303,
        headers: { Location: "/signin" },
      });
    }
    const kv = ctx.state.kv;
    const timeZone = user.timeZone ?? "UTC";
    const now = ctx.state.now();
    const today = localDay(now, timeZone);
    const bands = await listBands(kv, user.id);
    const rows = await Promise.all(bands.map(async (band): Promise<BandRow> => {
      const [sync, days] = await Promise.all([
        getSyncState(kv, band.id),
        listDailySummaries(kv, band.id, { from: today, to: today }),
      ]);
      const day: DaySummary | undefined = days[0];
      return {
        id: band.id,
        name: band.name,
        mac: band.mac,
        virtual: isVirtualBand(band),
        battery: band.lastBattery,
        lastSyncAt: sync.lastSyncAt,
        stepsToday: day ? day.steps : null,
      };
    }));
    return page({
      bands: rows,
      today,
      timeZone,
      now,
      csrfToken: ctx.state.session?.csrfToken ?? "",
    });
  },
};

/** The home page: the person's bands, or how to add the first one. */
export default function HomePage({ data }: PageProps<Data>) {
  const f = useFormats(data.timeZone);
  if (data.bands.length === 0) {
    return (
      <>
        <div class="page-heading">
          <h1>Your bands</h1>
        </div>
        <EmptyState title="No bands yet" icon="band">
          <p>
            Add your Mi Smart Band 4 to see its status, sync its history to this
            server and change its settings from Chrome. You need the band's MAC
            address and its auth key.
          </p>
          <AddBandButton
            href="/devices/new"
            virtualBandCsrf={data.csrfToken}
          />
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <div class="page-heading">
        <h1>Your bands</h1>
        <div class="button-row">
          <VirtualBandForm csrfToken={data.csrfToken} emphasis="plain" />
          <a class="button button-primary" href="/devices/new">Add a band</a>
        </div>
      </div>
      {
        // Cards in a role=list rather than a <ul>: the stylesheet has no list reset
        // for .band-list, and stats reuse the status card's .stat-row markup.
      }
      <div class="grid band-list" role="list" aria-label="Bands">
        {data.bands.map((band) => (
          <div class="card" role="listitem" key={band.id}>
            <h2>
              <a href={`/devices/${band.id}`}>{band.name}</a>{" "}
              {band.virtual && <span class="badge badge-accent">Virtual</span>}
            </h2>
            <p class="field-hint mono">{band.mac}</p>
            <div class="stat-row">
              <div class="stat">
                <span class="stat-label">Steps today</span>
                <span
                  class="stat-value"
                  data-day={data.today}
                  data-steps={band.stepsToday ?? ""}
                >
                  {band.stepsToday === null ? "—" : f.number(band.stepsToday)}
                </span>
              </div>
              <div class="stat">
                <span class="stat-label">Battery</span>
                <span class="stat-value">
                  {band.battery === null
                    ? "—"
                    : `${band.battery.level} %${
                      band.battery.charging ? " ⚡" : ""
                    }`}
                </span>
              </div>
              <div class="stat">
                <span class="stat-label">Last sync</span>
                <span>
                  {describeLastSync(band.lastSyncAt, data.now, f)}
                </span>
              </div>
            </div>
            <p class="button-row">
              <a class="button button-primary" href={`/devices/${band.id}`}>
                Open and connect
              </a>
            </p>
          </div>
        ))}
      </div>
    </>
  );
}

/** "Never synced", "Just now", "12 minutes ago", then the date and time. */
function describeLastSync(at: number | null, now: number, f: Formats): string {
  if (at === null) return "Never synced";
  if (now - at >= 3_600_000) return f.dateTime(at);
  const ago = f.ago(at, now);
  return ago.charAt(0).toUpperCase() + ago.slice(1);
}
