// Opening an uploaded file as Gadgetbridge's database, read-only, after checks
// that turn a wrong or damaged file into a clear 4xx before any query runs:
// the SQLite header, the page count it declares against the file's length
// (a truncated copy), and the tables an import needs (real tables, never views).
import { DatabaseSync } from "node:sqlite";
import { badRequest, HttpError } from "../http/errors.ts";
import { OPTIONAL_TABLES, REQUIRED_TABLES } from "./schema.ts";

const SQLITE_MAGIC = "SQLite format 3\0";

/** An open Gadgetbridge database and which optional tables and columns it has. */
export interface GadgetbridgeDatabase {
  db: DatabaseSync;
  tables: ReadonlySet<string>;
  /** Whether DEVICE has the newer TYPE_NAME column. */
  hasTypeName: boolean;
  /** The file's schema version (`PRAGMA user_version`). */
  version: number;
}

function unusable(detail: string): HttpError {
  return new HttpError(
    422,
    "unprocessable",
    `Cannot import Gadgetbridge data: ${detail}`,
  );
}

/** Checks the SQLite header of a file; throws 400 for another kind of file or a truncated one. */
async function checkSqliteHeader(path: string): Promise<void> {
  const file = await Deno.open(path, { read: true });
  try {
    const header = new Uint8Array(100);
    let got = 0;
    while (got < header.length) {
      const n = await file.read(header.subarray(got));
      if (n === null) break;
      got += n;
    }
    const magic = new TextDecoder().decode(header.subarray(0, 16));
    if (got < 100 || magic !== SQLITE_MAGIC) {
      throw badRequest(
        "Cannot import Gadgetbridge data: the file is not a SQLite database (send Gadgetbridge's exported database or its ZIP backup)",
      );
    }
    const view = new DataView(header.buffer);
    const rawPageSize = view.getUint16(16, false);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pages = view.getUint32(28, false);
    const { size } = await file.stat();
    // The in-header page count is valid when the change counters agree (SQLite ≥ 3.7).
    const valid = view.getUint32(24, false) === view.getUint32(92, false);
    if (valid && pages > 0 && size < pages * pageSize) {
      throw badRequest(
        `Cannot import Gadgetbridge data: the file is truncated (${size} of ${
          pages * pageSize
        } bytes)`,
      );
    }
  } finally {
    file.close();
  }
}

/**
 * Opens a spooled upload as Gadgetbridge's database, read-only. Throws 400 for
 * a file that is not SQLite or is damaged, 422 for a database without the
 * tables an import needs.
 */
export async function openGadgetbridgeDatabase(
  path: string,
): Promise<GadgetbridgeDatabase> {
  await checkSqliteHeader(path);
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { readOnly: true });
  } catch (error) {
    throw badRequest(
      `Cannot import Gadgetbridge data: SQLite cannot open the file (${
        (error as Error).message
      })`,
    );
  }
  try {
    const rows = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table'",
    ).all() as { name: string }[];
    const tables = new Set(rows.map((r) => String(r.name)));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) {
      throw unusable(
        `the database has no ${
          missing.join(" or ")
        } table; it is not Gadgetbridge's, or from a version without Mi Band samples`,
      );
    }
    const deviceColumns = (db.prepare(`PRAGMA table_info("DEVICE")`).all() as {
      name: string;
    }[]).map((c) => String(c.name));
    const version = Number(
      (db.prepare("PRAGMA user_version").get() as { user_version: number })
        .user_version,
    );
    const present = new Set<string>(REQUIRED_TABLES);
    for (const t of OPTIONAL_TABLES) if (tables.has(t)) present.add(t);
    return {
      db,
      tables: present,
      hasTypeName: deviceColumns.includes("TYPE_NAME"),
      version,
    };
  } catch (error) {
    db.close();
    throw asInputError(error);
  }
}

/** Turns SQLite's complaint about a damaged file into a 400; other errors pass. */
export function asInputError(error: unknown): unknown {
  if (error instanceof HttpError) return error;
  const message = (error as Error)?.message ?? String(error);
  if (
    /malformed|not a database|corrupt|disk I\/O|no such (table|column)|datatype mismatch/i
      .test(message)
  ) {
    return badRequest(
      `Cannot import Gadgetbridge data: the database is damaged or truncated (${message})`,
    );
  }
  return error;
}
