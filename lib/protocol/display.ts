// Band menu items and their order, chunked type 2 on 0x0020 (§20.1, Mi Fit / MB4W format):
//   [0] 1e  then one 4-byte entry per item:
//       [0] position 0, 1, 2, … in display order, continuing through the hidden items
//       [1] 00 shown / 01 hidden  [2] ff main menu (fd = Mi Band 5 shortcuts)  [3] item id
// The first entry is always the home screen 12 at position 0, then the shown items in order,
// then every other known item hidden.
// [CONFLICT] §20.2: Gadgetbridge's MB3 command `0a MASK…` on 0x0003 is unconfirmed on the Mi Band 4;
// we use this recommended format. Shortcuts (§20.3) have no known Mi Band 4 encoding.

import { CONFIG2 } from "./constants.ts";
import { ProtocolError } from "./errors.ts";

/** Menu items of the Mi Band 4 with their ids (§20.1). */
export const DISPLAY_ITEM = {
  status: 0x01,
  heart_rate: 0x02,
  workout: 0x03,
  weather: 0x04,
  mi_home: 0x05,
  notifications: 0x06,
  more: 0x07,
} as const;

/** A Mi Band 4 menu item. */
export type DisplayItem = keyof typeof DISPLAY_ITEM;

/** One decoded menu entry. */
export interface DisplayEntry {
  /** Position in the menu, 0 first. */
  position: number;
  /** Whether the item is shown. */
  shown: boolean;
  /** Which list the entry belongs to. */
  menu: "main" | "shortcuts" | "unknown";
  /** The item; "home_screen" for the watch face, "unknown" for ids outside the Mi Band 4 table. */
  item: DisplayItem | "home_screen" | "unknown";
  /** The raw item id. */
  id: number;
}

/** A decoded menu layout. */
export interface DisplayLayout {
  /** Every entry in position order. */
  entries: DisplayEntry[];
  /** Shown items after the home screen, in display order. */
  shown: (DisplayItem | "unknown")[];
}

const HOME_SCREEN = 0x12;
const MENU_MAIN = 0xff;
const MENU_SHORTCUTS = 0xfd;
const ENTRY_LENGTH = 4;

/** Encodes the `1e …` payload showing these items in this order and hiding every other one. */
export function encodeDisplayItems(shown: readonly DisplayItem[]): Uint8Array {
  for (const item of shown) {
    if (DISPLAY_ITEM[item] === undefined) {
      throw new RangeError(
        `Cannot encode display items: ${String(item)} is unknown`,
      );
    }
  }
  if (new Set(shown).size !== shown.length) {
    throw new RangeError(
      "Cannot encode display items: an item is listed twice",
    );
  }
  const hidden = (Object.keys(DISPLAY_ITEM) as DisplayItem[]).filter((item) =>
    !shown.includes(item)
  );
  const entries = [
    [HOME_SCREEN, true],
    ...shown.map((item) => [DISPLAY_ITEM[item], true] as const),
    ...hidden.map((item) => [DISPLAY_ITEM[item], false] as const),
  ] as const;
  return Uint8Array.of(
    CONFIG2.displayItems,
    ...entries.flatMap((
      [id, visible],
      position,
    ) => [position, visible ? 0 : 1, MENU_MAIN, id]),
  );
}

/** Parses a reassembled `1e …` payload as the band receives it. */
export function parseDisplayItems(payload: Uint8Array): DisplayLayout {
  if (payload.length < 1 || (payload.length - 1) % ENTRY_LENGTH !== 0) {
    throw new RangeError(
      `Cannot parse display items: ${payload.length} bytes is not 1 + 4 × n`,
    );
  }
  const fail = (detail: string): never => {
    throw new ProtocolError(`Cannot parse display items: ${detail}`, {
      opcode: payload[0],
      bytes: payload,
    });
  };
  if (payload[0] !== CONFIG2.displayItems) {
    fail(`byte 0 is ${payload[0]}, expected 0x1e`);
  }
  const entries: DisplayEntry[] = [];
  for (let offset = 1; offset < payload.length; offset += ENTRY_LENGTH) {
    const [position, visibility, menu, id] = payload.subarray(
      offset,
      offset + ENTRY_LENGTH,
    );
    if (visibility > 1) fail(`visibility byte ${visibility} is not 00 or 01`);
    entries.push({
      position,
      shown: visibility === 0,
      menu: menu === MENU_MAIN
        ? "main"
        : menu === MENU_SHORTCUTS
        ? "shortcuts"
        : "unknown",
      item: id === HOME_SCREEN ? "home_screen" : itemName(id),
      id,
    });
  }
  entries.sort((a, b) => a.position - b.position);
  if (entries.some((entry, i) => entry.position !== i)) {
    fail("positions are not 0, 1, 2, … without gaps");
  }
  const shown = entries.filter((e) => e.shown && e.item !== "home_screen").map((
    e,
  ) => e.item as DisplayItem | "unknown");
  return { entries, shown };
}

function itemName(id: number): DisplayItem | "unknown" {
  const entry = Object.entries(DISPLAY_ITEM).find(([, value]) => value === id);
  return entry === undefined ? "unknown" : entry[0] as DisplayItem;
}
