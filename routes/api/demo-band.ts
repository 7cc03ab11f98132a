import type { Handlers } from "../../lib/http/define.ts";
import { requireUser } from "../../lib/auth/guards.ts";
import {
  type Band,
  createBand,
  isVirtualBand,
  listBands,
  toPublicBand,
} from "../../lib/db/bands.ts";
import { conflict } from "../../lib/http/errors.ts";

/** Model name the virtual band shows; what makes it virtual is its stored flag. */
const VIRTUAL_MODEL = "Virtual Mi Smart Band 4";

function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// A locally administered unicast MAC (0x02 bit set) can never be a real band's.
function generateMac(random: Uint8Array): string {
  const bytes = random.slice(0, 6);
  bytes[0] = (bytes[0] & 0xfc) | 0x02;
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join(":")
    .toUpperCase();
}

/** Creates a demo band for a person at `now`, with a generated MAC and key; returns it with its key. */
export async function createDemoBand(
  kv: Deno.Kv,
  userId: string,
  now: number,
): Promise<Band> {
  const random = crypto.getRandomValues(new Uint8Array(22));
  const result = await createBand(kv, {
    id: crypto.randomUUID(),
    userId,
    name: "Virtual band",
    mac: generateMac(random),
    authKey: toHex(random.slice(6)),
    model: VIRTUAL_MODEL,
    firmwareRevision: null,
    hardwareRevision: null,
    lastBattery: null,
    settings: {},
    createdAt: now,
    virtual: true,
  });
  if (!result.ok) {
    throw conflict("Cannot add the virtual band: try again");
  }
  return result.band;
}

/** The person's demo band if they have one, else a new one made at `now`; `created` tells which. */
export async function openDemoBand(
  kv: Deno.Kv,
  userId: string,
  now: number,
): Promise<{ band: Band; created: boolean }> {
  const existing = (await listBands(kv, userId)).find(isVirtualBand);
  if (existing) return { band: existing, created: false };
  return { band: await createDemoBand(kv, userId, now), created: true };
}

/**
 * Opens the person's demo band (POST): the one they already have (200), or a new
 * one backed by the in-page simulator (201), so trying it twice adds no twin.
 */
export const handler: Handlers = {
  async POST(ctx) {
    const user = requireUser(ctx);
    const { band, created } = await openDemoBand(
      ctx.state.kv,
      user.id,
      ctx.state.now(),
    );
    return Response.json({ band: toPublicBand(band) }, {
      status: created ? 201 : 200,
    });
  },
};
