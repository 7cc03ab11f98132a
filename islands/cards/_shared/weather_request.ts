// The weather card's one call to our own server (never to a weather service);
// the typed client has no weather method yet, so errors are read the same way here.
import { ApiError } from "../../../lib/api/errors.ts";

/** GETs /api/weather with these query parameters and returns its JSON, throwing ApiError on failure. */
export async function getWeatherJson<T>(
  query: Record<string, string>,
): Promise<T> {
  const res = await fetch(`/api/weather?${new URLSearchParams(query)}`, {
    headers: { Accept: "application/json" },
    credentials: "same-origin",
  });
  const data = await res.json().catch(() => undefined);
  if (!res.ok) {
    throw new ApiError(
      res.status,
      data?.error?.code ?? "http_error",
      data?.error?.message ??
        `Cannot fetch weather: server answered ${res.status}`,
    );
  }
  return data as T;
}
