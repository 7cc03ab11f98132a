// Streams rows as CSV or JSON Lines straight from an async iterable: each pull
// encodes a small batch, so a year of minutes is never held in memory at once.

/** One exported column: its header name and how to read it from a row. */
export interface ExportColumn<T> {
  /** Header name, snake_case with its unit as a suffix. */
  name: string;
  /** Reads the column's value; null leaves the CSV cell empty and writes JSON null. */
  read: (row: T) => string | number | null;
}

/** Options for the streaming encoders. */
export interface StreamOptions {
  /** Rows encoded per chunk (default 500). */
  rowsPerChunk?: number;
}

type Rows<T> = AsyncIterable<T> | Iterable<T>;

function openIterator<T>(rows: Rows<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in rows
    ? (rows as AsyncIterable<T>)[Symbol.asyncIterator]()
    : (rows as Iterable<T>)[Symbol.iterator]();
}

function streamLines<T>(
  rows: Rows<T>,
  header: string | null,
  encodeRow: (row: T) => string,
  options: StreamOptions,
): ReadableStream<Uint8Array> {
  const rowsPerChunk = options.rowsPerChunk ?? 500;
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<T> | Iterator<T> | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      iterator = openIterator(rows);
      if (header !== null) controller.enqueue(encoder.encode(header + "\n"));
    },
    async pull(controller) {
      let text = "";
      for (let i = 0; i < rowsPerChunk; i++) {
        const next = await iterator!.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += encodeRow(next.value) + "\n";
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator?.return?.();
    },
  }, { highWaterMark: 1 });
}

/** Quotes a CSV cell only when it holds a comma, quote or line break (RFC 4180). */
export function encodeCsvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Streams rows as CSV with a header line, UTF-8, LF line endings. */
export function streamCsv<T>(
  rows: Rows<T>,
  columns: readonly ExportColumn<T>[],
  options: StreamOptions = {},
): ReadableStream<Uint8Array> {
  const header = columns.map((c) => encodeCsvCell(c.name)).join(",");
  return streamLines(
    rows,
    header,
    (row) => columns.map((c) => encodeCsvCell(c.read(row))).join(","),
    options,
  );
}

/** Streams rows as JSON Lines: one object per line, keyed by column name. */
export function streamJsonLines<T>(
  rows: Rows<T>,
  columns: readonly ExportColumn<T>[],
  options: StreamOptions = {},
): ReadableStream<Uint8Array> {
  return streamLines(rows, null, (row) => {
    const record: Record<string, string | number | null> = {};
    for (const column of columns) record[column.name] = column.read(row);
    return JSON.stringify(record);
  }, options);
}
