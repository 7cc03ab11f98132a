// A band's page: its identity, the connection island, and one card per feature.
// The auth key never reaches this HTML: the connection island fetches it from
// the band's key endpoint when it connects.
import type { Handlers, PageProps } from "../../lib/http/define.ts";
import { page } from "../../lib/http/define.ts";
import { requireBand } from "../../lib/auth/guards.ts";
import { toPublicBand } from "../../lib/db/bands.ts";
import { getSyncState } from "../../lib/db/sync_state.ts";
import type { PublicBand } from "../../lib/api/band_schemas.ts";
import { ensureSummaryTimeZone } from "../../lib/db/summary_rebuild.ts";
import { listDailySummaries } from "../../lib/db/history_queries.ts";
import { localDay } from "../../lib/time/zones.ts";
import { pickLocale } from "../../components/cards/format.ts";
import BandConnection from "../../islands/BandConnection.tsx";
import StatusCard from "../../islands/cards/StatusCard.tsx";
import BatteryCard from "../../islands/cards/BatteryCard.tsx";
import DeviceInfoCard from "../../islands/cards/DeviceInfoCard.tsx";
import HeartRateCard from "../../islands/cards/HeartRateCard.tsx";
import AlarmsCard from "../../islands/cards/AlarmsCard.tsx";
import IdleAlertsCard from "../../islands/cards/IdleAlertsCard.tsx";
import GoalCard from "../../islands/cards/GoalCard.tsx";
import BandTimeCard from "../../islands/cards/BandTimeCard.tsx";
import DisplayCard from "../../islands/cards/DisplayCard.tsx";
import SettingsCard from "../../islands/cards/SettingsCard.tsx";
import BandLockCard from "../../islands/cards/BandLockCard.tsx";
import NotificationsCard from "../../islands/cards/NotificationsCard.tsx";
import MusicCard from "../../islands/cards/MusicCard.tsx";
import WeatherCard from "../../islands/cards/WeatherCard.tsx";
import FindBandCard from "../../islands/cards/FindBandCard.tsx";

interface BandPageData {
  band: PublicBand;
  csrfToken: string;
  /** The person's local day now, and the steps the server stored for it. */
  today: { day: string; steps: number };
  locale: string;
  timeZone: string;
}

/** Loads the signed-in person's band; another person's band is a 404 like a missing one. */
export const handler: Handlers<BandPageData> = {
  async GET(ctx) {
    const band = await requireBand(ctx);
    const timeZone = ctx.state.user?.timeZone ?? "UTC";
    await ensureSummaryTimeZone(ctx.state.kv, band.id, timeZone);
    const { lastSyncAt } = await getSyncState(ctx.state.kv, band.id);
    const day = localDay(Date.now(), timeZone);
    const [stored] = await listDailySummaries(ctx.state.kv, band.id, {
      from: day,
      to: day,
    });
    return page({
      band: toPublicBand(band, lastSyncAt),
      csrfToken: ctx.state.session?.csrfToken ?? "",
      today: { day, steps: stored?.steps ?? 0 },
      locale: pickLocale(ctx.req.headers.get("accept-language")),
      timeZone,
    });
  },
};

/** The band's page. */
export default function BandPage({ data }: PageProps<BandPageData>) {
  const { band, csrfToken, locale, timeZone } = data;
  const shared = { bandId: band.id, csrfToken, settings: band.settings };
  const virtual = /virtual/i.test(band.model);
  return (
    <>
      <div class="page-heading band-heading">
        <div>
          <h1>
            {band.name} {virtual
              ? <span class="badge badge-accent">Virtual band</span>
              : null}
          </h1>
          <p class="lede">
            <span class="mono">{band.mac}</span> · {band.model}
          </p>
        </div>
        <a class="button" href={`/devices/${band.id}/history`}>
          History and exports
        </a>
      </div>
      <BandConnection
        bandId={band.id}
        name={band.name}
        mac={band.mac}
        virtual={virtual}
        csrfToken={csrfToken}
        lastSyncAt={band.lastSyncAt}
        locale={locale}
        timeZone={timeZone}
      />
      <div class="grid band-cards">
        <StatusCard
          day={data.today.day}
          syncedSteps={data.today.steps}
          locale={locale}
        />
        <BatteryCard
          lastBattery={band.lastBattery}
          locale={locale}
          timeZone={timeZone}
        />
        <HeartRateCard {...shared} />
        <BandTimeCard />
        <FindBandCard />
        <NotificationsCard />
        <GoalCard {...shared} />
        <IdleAlertsCard {...shared} />
        <AlarmsCard {...shared} />
        <MusicCard />
        <WeatherCard {...shared} />
        <DisplayCard {...shared} />
        <BandLockCard {...shared} />
        <SettingsCard {...shared} />
        <DeviceInfoCard
          mac={band.mac}
          model={band.model}
          firmwareRevision={band.firmwareRevision}
          hardwareRevision={band.hardwareRevision}
        />
      </div>
    </>
  );
}
