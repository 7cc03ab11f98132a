// Text-valued settings of the 06 endpoint on Huami 0x0003 (§22.2):
//   lang    [0] 06  [1] 17  [2] 00  [3..7] L1..L5    ASCII locale, e.g. en_US
//   date    [0] 06  [1] 1e  [2] 00  [3..12] 10 ASCII  e.g. dd.MM.yyyy

import {
  encodeEndpoint,
  expectConfigLength,
  type ParsedCommand,
} from "./config_frame.ts";
import { CONFIG_ENDPOINT } from "./constants.ts";

/** Date formats the band accepts (§22.2). */
export const DATE_FORMATS = ["MM/dd/yyyy", "dd.MM.yyyy", "dd/MM/yyyy"] as const;

/** Locales Gadgetbridge offers for the Mi Band 4 (§22.2). */
// deno-fmt-ignore
export const LANGUAGES = [
  "ar_SA", "de_DE", "el_GR", "en_US", "es_ES", "fr_FR", "id_ID", "it_IT", "pt_PT",
  "pl_PL", "ru_RU", "th_TH", "tr_TR", "uk_UA", "vi_VN", "zh_CN", "zh_TW",
] as const;

/** A date format the band accepts. */
export type DateFormat = typeof DATE_FORMATS[number];

/** A Mi Band 4 locale. */
export type Language = typeof LANGUAGES[number];

/** A text-valued setting of the 06 endpoint: language or date format. */
export type LocaleCommand =
  | { kind: "language"; value: Language }
  | { kind: "date_format"; value: DateFormat };

const ASCII = new TextEncoder();

/** Encodes `06 17 00` + locale or `06 1e 00` + date format, both ASCII. */
export function encodeLocaleCommand(command: LocaleCommand): Uint8Array {
  switch (command.kind) {
    case "language":
      if (!LANGUAGES.includes(command.value)) {
        throw new RangeError(
          `Cannot encode language: ${command.value} is not a Mi Band 4 locale`,
        );
      }
      return encodeEndpoint(
        CONFIG_ENDPOINT.language,
        ...ASCII.encode(command.value),
      );
    case "date_format":
      if (!DATE_FORMATS.includes(command.value)) {
        throw new RangeError(
          `Cannot encode date format: ${command.value} is not one the band accepts`,
        );
      }
      return encodeEndpoint(
        CONFIG_ENDPOINT.dateFormat,
        ...ASCII.encode(command.value),
      );
  }
}

/** Parses a `06 17 00 …` or `06 1e 00 …` setting; undefined for any other setting. */
export function parseLocaleCommand(
  bytes: Uint8Array,
): ParsedCommand<LocaleCommand> | undefined {
  switch (bytes[1]) {
    case CONFIG_ENDPOINT.language: {
      expectConfigLength(bytes, [8]);
      const locale = String.fromCharCode(...bytes.subarray(3));
      return {
        kind: "language",
        value: (LANGUAGES as readonly string[]).includes(locale)
          ? locale as Language
          : "unknown",
      };
    }
    case CONFIG_ENDPOINT.dateFormat: {
      expectConfigLength(bytes, [13]);
      const format = String.fromCharCode(...bytes.subarray(3));
      return {
        kind: "date_format",
        value: (DATE_FORMATS as readonly string[]).includes(format)
          ? format as DateFormat
          : "unknown",
      };
    }
    default:
      return undefined;
  }
}
