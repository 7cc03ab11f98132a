import type { ComponentChildren } from "preact";
import type { TodayView } from "../lib/api/today_schemas.ts";
import {
  batteryFact,
  latestHeartRate,
  liveActivity,
  stepGoal,
  todayView,
} from "../lib/state/band_facts.ts";
import {
  describeStepsGap,
  formatBpm,
  formatCalories,
  formatDateTime,
  formatDistance,
  formatDuration,
  formatNumber,
  formatPercent,
  formatTime,
  type Locality,
} from "../components/cards/format.ts";
import { connectedBand } from "../lib/state/band_connection.ts";
import { StepsRing } from "../components/cards/StepsRing.tsx";
import { Hypnogram } from "../components/cards/Hypnogram.tsx";
import { CardNote } from "./cards/_shared/CardNote.tsx";
import { useBandAction } from "./cards/_shared/use_band_action.ts";

/** Props: the server's view of the day when the page was rendered. */
export interface TodayBandProps {
  today: TodayView;
  /** The step goal saved for the band. */
  goal: number;
  lastBattery: { level: number; charging: boolean; time: number } | null;
  locale: string;
  timeZone: string;
}

/** How long the band may take for one heart-rate measurement. */
const MEASURE_TIMEOUT_MS = 30_000;

/** Today at a glance: steps against the goal, last night's sleep, heart rate and battery; live from the band when connected, from the server otherwise. */
export default function TodayBand(props: TodayBandProps) {
  const where: Locality = props;
  const fresh = todayView.value;
  const today = fresh ?? props.today;
  return (
    <div class="today-tiles">
      <StepsTile
        today={today}
        goal={stepGoal.value ?? props.goal}
        where={where}
      />
      <SleepTile today={today} where={where} />
      <HeartTile today={today} where={where} />
      <BatteryTile lastBattery={props.lastBattery} where={where} />
    </div>
  );
}

function Tile(
  props: {
    id: string;
    title: string;
    live: boolean;
    children: ComponentChildren;
  },
) {
  return (
    <section class="tile" id={props.id} aria-labelledby={`${props.id}-title`}>
      <div class="tile-head">
        <h3 id={`${props.id}-title`}>{props.title}</h3>
        <span
          class={props.live ? "badge badge-accent" : "badge"}
          data-testid={`${props.id}-source`}
        >
          {props.live ? "Live" : "Synced"}
        </span>
      </div>
      {props.children}
    </section>
  );
}

function StepsTile(
  props: { today: TodayView; goal: number; where: Locality },
) {
  const { locale } = props.where;
  const live = liveActivity.value;
  const synced = props.today.steps;
  const steps = live?.steps ?? synced;
  const gap = live ? describeStepsGap(live.steps, synced, locale) : null;
  return (
    <Tile id="status" title="Steps" live={live !== null}>
      <div class="steps-body" data-day={props.today.day}>
        <StepsRing steps={steps} goal={props.goal} locale={locale} />
        <dl class="facts facts-compact">
          <dt>Steps</dt>
          <dd data-testid="status-steps">{formatNumber(steps, locale)}</dd>
          <dt>Goal</dt>
          <dd>{formatNumber(props.goal, locale)}</dd>
          <dt>Distance</dt>
          <dd>{live ? formatDistance(live.distanceMeters, locale) : "—"}</dd>
          <dt>Calories</dt>
          <dd>{live ? formatCalories(live.calories, locale) : "—"}</dd>
        </dl>
      </div>
      <p class="field-hint" data-testid="status-note">
        {gap ??
          (live
            ? "Counting live on the band; every step is synced."
            : "Synced steps. Distance and calories show while the band is connected.")}
      </p>
    </Tile>
  );
}

function SleepTile(props: { today: TodayView; where: Locality }) {
  const night = props.today.lastNight;
  const { locale } = props.where;
  if (!night) {
    return (
      <Tile id="sleep" title="Last night" live={false}>
        <p class="tile-value" data-testid="sleep-duration">—</p>
        <p class="field-hint">
          No sleep recorded for last night yet: it arrives with a sync.
        </p>
      </Tile>
    );
  }
  const span = `${formatTime(night.bedtime, props.where)} – ${
    formatTime(night.wakeTime, props.where)
  }`;
  const duration = formatDuration(night.asleepMinutes, locale);
  return (
    <Tile id="sleep" title="Last night" live={false}>
      <p class="tile-value" data-testid="sleep-duration">{duration}</p>
      <Hypnogram
        stages={night.stages}
        label={`Asleep ${duration}, ${span}: deep ${
          formatDuration(night.deepMinutes, locale)
        }, light ${formatDuration(night.lightMinutes, locale)}`}
      />
      <p class="hypnogram-legend field-hint">
        <span>{span}</span>
        <span>
          <i class="key key-deep" /> Deep{" "}
          {formatDuration(night.deepMinutes, locale)}
        </span>
        <span>
          <i class="key key-light" /> Light{" "}
          {formatDuration(night.lightMinutes, locale)}
        </span>
      </p>
    </Tile>
  );
}

function HeartTile(props: { today: TodayView; where: Locality }) {
  const { locale } = props.where;
  const action = useBandAction();
  const measured = latestHeartRate.value;
  const latest = measured ?? props.today.latestHeartRate;
  const measure = () =>
    action.run(
      async (band, signal) => {
        // The connection publishes every reading as the latest heart rate.
        const reading = await band.heartRate.measureOnce({
          signal,
          timeoutMs: MEASURE_TIMEOUT_MS,
        });
        return reading.bpm;
      },
      (bpm) => `Measured ${formatBpm(bpm, locale)}`,
      {
        pending: "Measuring… up to 30 s. Keep the band still on your wrist.",
        cancelled: "Measurement cancelled",
      },
    );
  return (
    <Tile
      id="heart-rate"
      title="Heart rate"
      live={measured !== null && connectedBand.value !== null}
    >
      <dl class="facts facts-compact">
        <dt>Latest</dt>
        <dd data-testid="heart-rate-bpm" aria-live="polite">
          {latest ? formatBpm(latest.bpm, locale) : "—"}
        </dd>
        <dt>Resting</dt>
        <dd data-testid="resting-bpm">
          {props.today.restingHeartRate === null
            ? "—"
            : formatBpm(props.today.restingHeartRate, locale)}
        </dd>
      </dl>
      {latest
        ? (
          <p class="field-hint">
            Latest at {formatDateTime(latest.time, props.where)}
          </p>
        )
        : null}
      <div class="button-row">
        {action.busy
          ? (
            <button type="button" class="button" onClick={action.cancel}>
              Cancel measuring
            </button>
          )
          : (
            <button type="button" class="button" onClick={measure}>
              Measure now
            </button>
          )}
      </div>
      <CardNote note={action.note} />
    </Tile>
  );
}

function BatteryTile(
  props: {
    lastBattery: { level: number; charging: boolean; time: number } | null;
    where: Locality;
  },
) {
  const { locale } = props.where;
  const fact = batteryFact.value ??
    (props.lastBattery ? { ...props.lastBattery, live: false } : null);
  return (
    <Tile id="battery" title="Battery" live={fact?.live ?? false}>
      {fact === null
        ? (
          <>
            <p class="tile-value" data-testid="battery-level">—</p>
            <p class="field-hint">No battery reading yet: connect the band.</p>
          </>
        )
        : (
          <>
            <p class="tile-value" data-testid="battery-level">
              {formatPercent(fact.level, locale)}
            </p>
            <meter
              min={0}
              max={100}
              low={20}
              high={60}
              optimum={100}
              value={fact.level}
              aria-label="Battery level"
            />
            <p class="field-hint">
              {fact.charging ? "Charging" : "On battery"}
              {fact.live
                ? ""
                : ` · read ${formatDateTime(fact.time, props.where)}`}
            </p>
          </>
        )}
    </Tile>
  );
}
