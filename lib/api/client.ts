// The one typed client islands use to reach the server. Every failure becomes
// an `ApiError` carrying the server's status, code and message.
import type {
  GadgetbridgeImportResult,
  GadgetbridgePreview,
} from "./gadgetbridge_schemas.ts";
import type { TakeoutRestoreResult } from "./takeout_schemas.ts";
import type { ActivityBatch } from "../protocol/activity_sample.ts";
import type { InvitationResponse, MeResponse } from "./account_schemas.ts";
import type {
  BandKeyResponse,
  BandSettings,
  BandSettingsPatch,
  PublicBand,
} from "./band_schemas.ts";
import type { PasskeyView } from "./credential_schemas.ts";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/browser";
import { ApiError } from "./errors.ts";
import type { ReadingKindName } from "./reading_schemas.ts";
import { encodeSampleData } from "./sample_data.ts";
import type {
  DailyResponse,
  HourlyResponse,
  MinutesResponse,
  SyncResponse,
  UploadResponse,
} from "./sample_schemas.ts";
import type { TodayView } from "./today_schemas.ts";

/** Options of `ApiClient`. */
export interface ApiClientOptions {
  /** Origin of the server; defaults to the page's own (relative URLs). */
  baseUrl?: string;
  /** CSRF token; defaults to `<meta name="csrf-token">` of the page. */
  csrfToken?: string;
  fetch?: typeof fetch;
}

/** Fields of a new band. */
export interface NewBand {
  name: string;
  mac: string;
  authKey: string;
  model?: string;
  firmwareRevision?: string | null;
  hardwareRevision?: string | null;
}

function readMetaToken(): string | undefined {
  const doc = (globalThis as { document?: Document }).document;
  return doc?.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')
    ?.content || undefined;
}

/** Typed access to the Band Web JSON API. */
export class ApiClient {
  #baseUrl: string;
  #csrfToken?: string;
  #fetch: typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.#baseUrl = options.baseUrl ?? "";
    this.#csrfToken = options.csrfToken ?? readMetaToken();
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async #call<T>(
    method: string,
    path: string,
    body?: unknown,
    options: { keepalive?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    // A Blob (a file the person picked) goes as it is; anything else as JSON.
    const raw = body instanceof Blob;
    if (body !== undefined) {
      headers["Content-Type"] = raw
        ? "application/octet-stream"
        : "application/json";
    }
    if (method !== "GET" && this.#csrfToken) {
      headers["X-CSRF-Token"] = this.#csrfToken;
    }
    let res: Response;
    try {
      res = await this.#fetch(`${this.#baseUrl}${path}`, {
        method,
        headers,
        credentials: "same-origin",
        body: body === undefined
          ? undefined
          : raw
          ? body
          : JSON.stringify(body),
        // Lets a request outlive the page (readings flushed on pagehide).
        keepalive: options.keepalive,
      });
    } catch (error) {
      throw new ApiError(
        0,
        "network",
        `Cannot reach the server: ${(error as Error).message}`,
      );
    }
    if (res.status === 204) return undefined as T;
    const data = await res.json().catch(() => undefined);
    if (!res.ok) {
      const e = data?.error;
      throw new ApiError(
        res.status,
        typeof e?.code === "string" ? e.code : "http_error",
        typeof e?.message === "string"
          ? e.message
          : `Cannot complete request: server answered ${res.status}`,
        e?.details,
      );
    }
    if (data && typeof data.csrfToken === "string") {
      this.#csrfToken = data.csrfToken;
    }
    return data as T;
  }

  /** Creates the owner account on a fresh server and signs in. */
  setup(
    account: { username: string; password: string; timeZone: string },
  ): Promise<MeResponse> {
    return this.#call("POST", "/api/setup", account);
  }

  /** Signs in. */
  signIn(
    credentials: { username: string; password: string },
  ): Promise<MeResponse> {
    return this.#call("POST", "/api/session", credentials);
  }

  /** Signs out, ending the session on the server. */
  signOut(): Promise<void> {
    return this.#call("DELETE", "/api/session");
  }

  /** Describes the signed-in person. */
  getMe(): Promise<MeResponse> {
    return this.#call("GET", "/api/me");
  }

  /** Changes the person's time zone for summaries. */
  updateMe(change: { timeZone: string }): Promise<MeResponse> {
    return this.#call("PATCH", "/api/me", change);
  }

  /** Changes the password; other sessions end. */
  changePassword(
    change: { currentPassword: string; newPassword: string },
  ): Promise<{ endedSessions: number }> {
    return this.#call("POST", "/api/me/password", change);
  }

  /** Creates an invitation link (owner only). */
  createInvitation(
    options: { expiresInHours?: number } = {},
  ): Promise<InvitationResponse> {
    return this.#call("POST", "/api/invitations", options);
  }

  /** Lists the person's bands. */
  async listBands(): Promise<PublicBand[]> {
    return (await this.#call<{ bands: PublicBand[] }>("GET", "/api/bands"))
      .bands;
  }

  /** Adds a band. */
  async addBand(band: NewBand): Promise<PublicBand> {
    return (await this.#call<{ band: PublicBand }>("POST", "/api/bands", band))
      .band;
  }

  /** Reads one band. */
  async getBand(bandId: string): Promise<PublicBand> {
    return (await this.#call<{ band: PublicBand }>(
      "GET",
      `/api/bands/${bandId}`,
    )).band;
  }

  /** Records facts learned from the band (name, revisions, a new key). */
  async updateBand(
    bandId: string,
    change: Partial<Omit<NewBand, "mac">>,
  ): Promise<PublicBand> {
    return (await this.#call<{ band: PublicBand }>(
      "PATCH",
      `/api/bands/${bandId}`,
      change,
    )).band;
  }

  /** Removes a band and all its history. */
  deleteBand(bandId: string): Promise<void> {
    return this.#call("DELETE", `/api/bands/${bandId}`);
  }

  /** Lists the devices in a Gadgetbridge database or ZIP backup, storing nothing. */
  previewGadgetbridge(
    bandId: string,
    file: Blob,
  ): Promise<GadgetbridgePreview> {
    return this.#call(
      "POST",
      `/api/bands/${bandId}/imports/gadgetbridge?dryRun=true`,
      file,
    );
  }

  /** Imports one device's history from a Gadgetbridge database or ZIP backup into a band. */
  importGadgetbridge(
    bandId: string,
    file: Blob,
    device: string,
  ): Promise<GadgetbridgeImportResult> {
    return this.#call(
      "POST",
      `/api/bands/${bandId}/imports/gadgetbridge?device=${
        encodeURIComponent(device)
      }`,
      file,
    );
  }

  /** Restores a takeout ZIP into the signed-in person's account. */
  restoreTakeout(file: Blob): Promise<TakeoutRestoreResult> {
    return this.#call("POST", "/api/me/restore", file);
  }

  /** Reads the band's auth key, to authenticate with it; keep it in memory only. */
  async getBandKey(bandId: string): Promise<string> {
    return (await this.#call<BandKeyResponse>(
      "GET",
      `/api/bands/${bandId}/key`,
    )).authKey;
  }

  /** Reads the settings last written to the band. */
  async getBandSettings(bandId: string): Promise<BandSettings> {
    return (await this.#call<{ settings: BandSettings }>(
      "GET",
      `/api/bands/${bandId}/settings`,
    )).settings;
  }

  /** Saves settings sections just written to the band. */
  async updateBandSettings(
    bandId: string,
    change: BandSettingsPatch,
  ): Promise<BandSettings> {
    return (await this.#call<{ settings: BandSettings }>(
      "PATCH",
      `/api/bands/${bandId}/settings`,
      change,
    ))
      .settings;
  }

  /** Reads the band's sync cursor. */
  getSync(bandId: string): Promise<SyncResponse> {
    return this.#call("GET", `/api/bands/${bandId}/sync`);
  }

  /** Uploads fetched minutes; resolve means they are stored, so the band may be acknowledged. */
  uploadSamples(
    bandId: string,
    batches: readonly ActivityBatch[],
  ): Promise<UploadResponse> {
    return this.#call("POST", `/api/bands/${bandId}/samples`, {
      batches: batches.map((b) => ({
        start: b.start,
        utcOffsetMinutes: b.utcOffsetMinutes,
        data: encodeSampleData(b.samples),
      })),
    });
  }

  /** Lists the stored minutes of a local day. */
  listMinutes(bandId: string, day: string): Promise<MinutesResponse> {
    return this.#call(
      "GET",
      `/api/bands/${bandId}/minutes?day=${encodeURIComponent(day)}`,
    );
  }

  /** Reads the hourly summaries of a local day. */
  getHourlySummaries(bandId: string, day: string): Promise<HourlyResponse> {
    return this.#call(
      "GET",
      `/api/bands/${bandId}/summaries/hourly?day=${encodeURIComponent(day)}`,
    );
  }

  /** Reads daily summaries over a range of days (both included). */
  getDailySummaries(
    bandId: string,
    range: { from: string; to: string },
  ): Promise<DailyResponse> {
    const q = new URLSearchParams(range);
    return this.#call("GET", `/api/bands/${bandId}/summaries/daily?${q}`);
  }

  /** Reads the person's day on a band: stored figures, last night's sleep, latest heart rate. */
  getToday(bandId: string): Promise<TodayView> {
    return this.#call("GET", `/api/bands/${bandId}/today`);
  }

  /** Stores battery, heart-rate, workout or event readings; `keepalive` lets the upload outlive the page. */
  addReadings(
    bandId: string,
    kind: ReadingKindName,
    readings: { time: number }[],
    options: { keepalive?: boolean } = {},
  ): Promise<{ added: number }> {
    return this.#call(
      "POST",
      `/api/bands/${bandId}/readings/${kind}`,
      { readings },
      options,
    );
  }

  /** Lists readings of one kind, newest first. */
  async listReadings<T>(
    bandId: string,
    kind: ReadingKindName,
    range: { from?: number; to?: number; limit?: number } = {},
  ): Promise<T[]> {
    const q = new URLSearchParams(
      Object.entries(range).filter(([, v]) => v !== undefined).map((
        [k, v],
      ) => [k, String(v)]),
    );
    return (await this.#call<{ readings: T[] }>(
      "GET",
      `/api/bands/${bandId}/readings/${kind}?${q}`,
    )).readings;
  }

  /** Lists the person's passkeys. */
  listPasskeys(): Promise<{ passkeys: PasskeyView[] }> {
    return this.#call("GET", "/api/passkeys");
  }

  /** Asks for passkey registration options (a fresh challenge). */
  passkeyRegistrationOptions(): Promise<
    PublicKeyCredentialCreationOptionsJSON
  > {
    return this.#call("POST", "/api/passkeys/options");
  }

  /** Registers a passkey from the browser's answer. */
  registerPasskey(
    name: string,
    response: RegistrationResponseJSON,
  ): Promise<PasskeyView> {
    return this.#call("POST", "/api/passkeys", { name, response });
  }

  /** Renames a passkey. */
  renamePasskey(id: string, name: string): Promise<PasskeyView> {
    return this.#call("PATCH", `/api/passkeys/${encodeURIComponent(id)}`, {
      name,
    });
  }

  /** Removes a passkey. */
  removePasskey(id: string): Promise<void> {
    return this.#call("DELETE", `/api/passkeys/${encodeURIComponent(id)}`);
  }

  /** Asks for passkey sign-in options (a fresh challenge). */
  passkeySigninOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return this.#call("POST", "/api/passkeys/signin/options");
  }

  /** Signs in with the browser's passkey answer. */
  signInWithPasskey(response: AuthenticationResponseJSON): Promise<MeResponse> {
    return this.#call("POST", "/api/passkeys/signin", { response });
  }
}
