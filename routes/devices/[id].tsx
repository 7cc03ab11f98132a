// A band's page: today at a glance at the top (live from the band when it is
// connected, from the server otherwise), then the band's controls grouped by
// what people do, behind tabs with one URL fragment per group. The auth key
// never reaches this HTML: the connection island fetches it when it connects.
import type { Handlers, PageProps } from "../../lib/http/define.ts";
import { page } from "../../lib/http/define.ts";
import { requireBand } from "../../lib/auth/guards.ts";
import { toPublicBand } from "../../lib/db/bands.ts";
import type { PublicBand } from "../../lib/api/band_schemas.ts";
import type { TodayView } from "../../lib/api/today_schemas.ts";
import { loadTodayView } from "../../lib/history/today_view.ts";
import { pickLocale } from "../../components/cards/format.ts";
import BandConnection from "../../islands/BandConnection.tsx";
import TodayBand from "../../islands/TodayBand.tsx";
import OfflineBand from "../../islands/OfflineBand.tsx";
import BandSections, {
  type SectionGroup,
} from "../../islands/BandSections.tsx";
import DeviceInfoCard from "../../islands/cards/DeviceInfoCard.tsx";
import HeartRateCard from "../../islands/cards/HeartRateCard.tsx";
import AlarmsCard from "../../islands/cards/AlarmsCard.tsx";
import IdleAlertsCard from "../../islands/cards/IdleAlertsCard.tsx";
import RemindersCard from "../../islands/cards/RemindersCard.tsx";
import GoalCard from "../../islands/cards/GoalCard.tsx";
import BandTimeCard from "../../islands/cards/BandTimeCard.tsx";
import DisplayCard from "../../islands/cards/DisplayCard.tsx";
import SettingsCard from "../../islands/cards/SettingsCard.tsx";
import BandLockCard from "../../islands/cards/BandLockCard.tsx";
import NotificationsCard from "../../islands/cards/NotificationsCard.tsx";
import MusicCard from "../../islands/cards/MusicCard.tsx";
import WeatherCard from "../../islands/cards/WeatherCard.tsx";
import FindBandCard from "../../islands/cards/FindBandCard.tsx";
import GadgetbridgeCard from "../../islands/cards/GadgetbridgeCard.tsx";

/** The control groups, in tab order; each id is the group's URL fragment. */
export const BAND_GROUPS: SectionGroup[] = [
  { id: "alerts", label: "Alerts" },
  { id: "schedule", label: "Schedule" },
  { id: "screen", label: "Band screen" },
  { id: "settings", label: "Settings" },
  { id: "device", label: "Device" },
];

/** The step goal a band has before one is saved (the band's own default). */
const DEFAULT_GOAL = 8000;

interface BandPageData {
  band: PublicBand;
  userId: string;
  csrfToken: string;
  today: TodayView;
  locale: string;
  timeZone: string;
}

/** Loads the signed-in person's band and today's view of it; another person's band is a 404 like a missing one. */
export const handler: Handlers<BandPageData> = {
  async GET(ctx) {
    if (!ctx.state.user) {
      // Like the home page: sign in first, then come back to this band.
      const next = encodeURIComponent(ctx.url.pathname);
      return new Response(null, {
        status: 303,
        headers: { Location: `/signin?next=${next}` },
      });
    }
    const band = await requireBand(ctx);
    const timeZone = ctx.state.user.timeZone ?? "UTC";
    const today = await loadTodayView(ctx.state.kv, band.id, {
      timeZone,
      now: ctx.state.now(),
    });
    return page({
      band: toPublicBand(band, today.lastSyncAt),
      userId: ctx.state.user.id,
      csrfToken: ctx.state.session?.csrfToken ?? "",
      today,
      locale: pickLocale(ctx.req.headers.get("accept-language")),
      timeZone,
    });
  },
};

/** The band's page. */
export default function BandPage({ data }: PageProps<BandPageData>) {
  const { band, csrfToken, locale, timeZone, today, userId } = data;
  const shared = { bandId: band.id, csrfToken, settings: band.settings };
  const virtual = band.virtual;
  const [first] = BAND_GROUPS;
  const panel = (id: string) => ({
    id,
    role: "tabpanel" as const,
    "aria-labelledby": `tab-${id}`,
    class: "group-panel",
    hidden: id !== first.id,
  });
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
      <section class="card today-band" aria-labelledby="today-title">
        <h2 id="today-title" class="visually-hidden">Today</h2>
        <BandConnection
          bandId={band.id}
          name={band.name}
          mac={band.mac}
          virtual={virtual}
          userId={userId}
          csrfToken={csrfToken}
          lastSyncAt={band.lastSyncAt}
          locale={locale}
          timeZone={timeZone}
        />
        <OfflineBand
          bandId={band.id}
          userId={userId}
          csrfToken={csrfToken}
          locale={locale}
        />
        <TodayBand
          today={today}
          goal={band.settings.goal?.steps ?? DEFAULT_GOAL}
          lastBattery={band.lastBattery}
          locale={locale}
          timeZone={timeZone}
        />
      </section>
      <div class="band-controls">
        <BandSections groups={BAND_GROUPS} initial={first.id} />
        <section {...panel("alerts")}>
          <div class="group-cards">
            <NotificationsCard />
            <FindBandCard />
          </div>
        </section>
        <section {...panel("schedule")}>
          <div class="group-cards">
            <AlarmsCard {...shared} locale={locale} />
            <RemindersCard {...shared} locale={locale} />
            <IdleAlertsCard {...shared} locale={locale} />
          </div>
        </section>
        <section {...panel("screen")}>
          <div class="group-cards">
            <DisplayCard {...shared} />
            <WeatherCard {...shared} />
            <MusicCard />
          </div>
        </section>
        <section {...panel("settings")}>
          <div class="group-cards">
            <SettingsCard {...shared} />
            <GoalCard {...shared} locale={locale} />
            <HeartRateCard {...shared} />
            <BandLockCard {...shared} />
            <BandTimeCard locale={locale} />
          </div>
        </section>
        <section {...panel("device")}>
          <div class="group-cards">
            <DeviceInfoCard
              bandId={band.id}
              csrfToken={csrfToken}
              name={band.name}
              mac={band.mac}
              model={band.model}
              firmwareRevision={band.firmwareRevision}
              hardwareRevision={band.hardwareRevision}
            />
            <GadgetbridgeCard bandId={band.id} csrfToken={csrfToken} />
          </div>
        </section>
      </div>
    </>
  );
}
