import { useSignal } from "@preact/signals";
import type { BandSettings } from "../../lib/api/band_schemas.ts";
import {
  WEATHER_CONDITION,
  type WeatherCondition,
  type WeatherRecord,
} from "../../lib/protocol/weather.ts";
import type { BandForecast, WeatherPlace } from "../../lib/weather/forecast.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { describeCardError, useBandAction } from "./_shared/use_band_action.ts";
import { saveBandSettings } from "./_shared/save_settings.ts";
import { getWeatherJson } from "./_shared/weather_request.ts";
import { withKeptSettings } from "./_shared/with_kept_settings.tsx";

/** Its tab panel is hidden at load: the code loads when the card is first shown. */
export const lazy = true;

const CONDITIONS = Object.keys(WEATHER_CONDITION) as WeatherCondition[];

function label(condition: string): string {
  const text = condition.replaceAll("_", " ");
  return text[0].toUpperCase() + text.slice(1);
}

function buildRecords(
  place: string,
  condition: WeatherCondition,
  temperature: number,
  forecast: BandForecast | null,
  now: number,
): WeatherRecord[] {
  const utcOffsetMinutes = forecast?.utcOffsetMinutes ??
    -new Date(now).getTimezoneOffset();
  const stamp = { epochMs: forecast?.observedAt ?? now, utcOffsetMinutes };
  const days = forecast
    ? forecast.days.flatMap((d) => {
      const c = d.condition === "unknown" ? condition : d.condition;
      return [{ day: c, night: c, max: d.high, min: d.low, text: d.text }];
    })
    : [{
      day: condition,
      night: condition,
      max: temperature,
      min: temperature,
      text: label(condition),
    }];
  return [
    {
      kind: "current",
      condition,
      temperature,
      text: label(condition),
      ...stamp,
    },
    { kind: "forecast", days, ...stamp },
    { kind: "location", name: place },
  ];
}

/** Weather for the band: typed in, or fetched by the server for a chosen place. */
function WeatherCard(
  props: { bandId: string; csrfToken: string; settings: BandSettings },
) {
  const action = useBandAction();
  const saved = props.settings.weatherLocation ?? null;
  const query = useSignal(saved?.name ?? "");
  const places = useSignal<WeatherPlace[]>([]);
  const place = useSignal<WeatherPlace | null>(saved);
  const forecast = useSignal<BandForecast | null>(null);
  const condition = useSignal<WeatherCondition>("sunny");
  const temperature = useSignal(20);
  const loading = useSignal(false);

  const search = async (event: Event) => {
    event.preventDefault();
    loading.value = true;
    action.show({ kind: "pending", text: "Looking up places…" });
    try {
      const found = await getWeatherJson<{ places: WeatherPlace[] }>({
        q: query.value,
      });
      places.value = found.places;
      action.show(
        found.places.length ? null : {
          kind: "error",
          text: `No place called ${query.value}: check the spelling`,
        },
      );
    } catch (error) {
      action.show({ kind: "error", text: describeCardError(error) });
    } finally {
      loading.value = false;
    }
  };

  const fetchFor = async (chosen: WeatherPlace) => {
    place.value = chosen;
    places.value = [];
    loading.value = true;
    action.show({
      kind: "pending",
      text: `Fetching the forecast for ${chosen.name}…`,
    });
    try {
      const answer = await getWeatherJson<{ forecast: BandForecast }>({
        latitude: String(chosen.latitude),
        longitude: String(chosen.longitude),
        name: chosen.name,
      });
      forecast.value = answer.forecast;
      if (answer.forecast.current.condition !== "unknown") {
        condition.value = answer.forecast.current.condition;
      }
      temperature.value = answer.forecast.current.temperature;
      await saveBandSettings(props.bandId, props.csrfToken, {
        weatherLocation: {
          name: chosen.name,
          latitude: chosen.latitude,
          longitude: chosen.longitude,
        },
      });
      action.show({
        kind: "ok",
        text: `Forecast for ${chosen.name} fetched: send it to the band`,
      });
    } catch (error) {
      action.show({ kind: "error", text: describeCardError(error) });
    } finally {
      loading.value = false;
    }
  };

  const send = (event: Event) => {
    event.preventDefault();
    const records = buildRecords(
      place.value?.name ?? "Here",
      condition.value,
      temperature.value,
      forecast.value,
      Date.now(),
    );
    return action.run(
      (band) => band.weather.send(records),
      "Weather sent to the band",
    );
  };

  return (
    <CardFrame
      id="weather"
      title="Weather"
      source={saved ? "saved" : undefined}
    >
      <form onSubmit={search} class="field">
        <label for="weather-place">Place</label>
        <div class="button-row">
          <input
            id="weather-place"
            type="search"
            placeholder="City"
            value={query.value}
            onInput={(e) => query.value = (e.target as HTMLInputElement).value}
          />
          <button
            type="submit"
            class="button"
            disabled={loading.value || query.value.trim().length < 2}
          >
            Search
          </button>
          {place.value
            ? (
              <button
                type="button"
                class="button"
                disabled={loading.value}
                onClick={() => place.value && fetchFor(place.value)}
              >
                Fetch forecast
              </button>
            )
            : null}
        </div>
      </form>
      {places.value.length > 0
        ? (
          <ul class="place-list" aria-label="Matching places">
            {places.value.map((p, i) => (
              <li key={i}>
                <button
                  type="button"
                  class="button button-quiet"
                  onClick={() => fetchFor(p)}
                >
                  {p.name}
                  {p.detail ? `, ${p.detail}` : ""}
                </button>
              </li>
            ))}
          </ul>
        )
        : null}
      {forecast.value
        ? (
          <p class="field-hint" data-testid="weather-forecast">
            {forecast.value.place.name}: {forecast.value.current.text},{" "}
            {forecast.value.current.temperature}°
            {forecast.value.unit === "celsius" ? "C" : "F"} ·{" "}
            {forecast.value.days.length} days
          </p>
        )
        : null}
      <form class="card-form" onSubmit={send}>
        <div class="field-pair">
          <div class="field">
            <label for="weather-condition">Condition</label>
            <select
              id="weather-condition"
              value={condition.value}
              onChange={(e) =>
                condition.value = (e.target as HTMLSelectElement)
                  .value as WeatherCondition}
            >
              {CONDITIONS.map((c) => (
                <option value={c} key={c}>{label(c)}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="weather-temp">Temperature</label>
            <input
              id="weather-temp"
              type="number"
              min={-60}
              max={60}
              value={temperature.value}
              onInput={(e) =>
                temperature.value = Number(
                  (e.target as HTMLInputElement).value,
                )}
            />
          </div>
        </div>
        <div class="button-row">
          <button
            type="submit"
            class="button"
            disabled={action.busy}
          >
            Send to band
          </button>
        </div>
      </form>
      <CardNote note={action.note} />
    </CardFrame>
  );
}

/** The card, started again from the kept settings when the page has newer ones. */
export default withKeptSettings(WeatherCard);
