/** The weather service could not answer usefully; the message says what to do. */
export class WeatherServiceError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = "WeatherServiceError";
  }
}
