// The fuzz's request generator: a route from the manifest with its parameters
// filled (the person's real band, or something odd), a method, a query string,
// headers and a body, each drawn from valid, nearly valid and hostile values.
import fc from "fast-check";
import {
  FUZZ_BODIES,
  FUZZ_QUERIES,
  FUZZ_QUERY_VALUES,
  type QueryKind,
} from "./fuzz_inputs.ts";

/** One generated request; `:band` in the path stands for the person's real band id. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  identity: "owner" | "anonymous" | "stale";
  withCsrf: boolean;
  sameOrigin: boolean;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

const controlChars = fc.string({
  unit: fc.constantFrom(
    "\u0000",
    "\u0007",
    "\n",
    "\r",
    "\t",
    "\u001b",
    "\u007f",
    "\u2028",
    "\ud800",
    "\ufeff",
    "é",
    "😀",
    "\\",
    '"',
    "'",
    "<",
    "%",
  ),
  maxLength: 12,
});

/** Values that break assumptions: huge, negative, fractional, odd types, odd strings. */
export const weirdValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    -0.5,
    1e308,
    -1e308,
    2 ** 53 + 2,
    -(2 ** 63),
    8.64e15 + 1,
    1.5,
    "",
    " ",
    "9999-12-31",
    "0000-00-00",
    "2024-02-30",
    "1970-01-01",
    "2199-12-31",
    "-1",
    "1e400",
    "NaN",
    "Infinity",
    "null",
    "undefined",
    "__proto__",
    "constructor",
    "toString",
    "../../etc/passwd",
    "x".repeat(5000),
    null,
    true,
    false,
    [],
    {},
    [[[[[[]]]]]],
    { __proto__: { polluted: true } },
  ),
  fc.integer(),
  fc.double(),
  controlChars,
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 2 }),
);

function setAtRandomPath(
  value: unknown,
  replacement: unknown,
  pick: number[],
): unknown {
  if (pick.length === 0 || value === null || typeof value !== "object") {
    return replacement;
  }
  const [first, ...rest] = pick;
  if (Array.isArray(value)) {
    if (value.length === 0) return [replacement];
    const copy = [...value];
    const i = first % copy.length;
    copy[i] = setAtRandomPath(copy[i], replacement, rest);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return { [String(first)]: replacement };
  const key = keys[first % keys.length];
  return {
    ...value,
    [key]: setAtRandomPath(
      (value as Record<string, unknown>)[key],
      replacement,
      rest,
    ),
  };
}

function mutatedBodyArb(examples: unknown[]): fc.Arbitrary<string> {
  return fc.tuple(
    fc.constantFrom(...examples),
    weirdValueArb,
    fc.array(fc.nat(20), { maxLength: 4 }),
    fc.constantFrom("replace", "drop", "extra", "wrap"),
  ).map(([example, weird, pick, how]) => {
    if (typeof example === "string") {
      return how === "replace" ? example + "&" + String(weird) : example;
    }
    let next: unknown;
    if (how === "replace") next = setAtRandomPath(example, weird, pick);
    else if (how === "drop") {
      const keys = Object.keys(example as object);
      const drop = keys[(pick[0] ?? 0) % Math.max(1, keys.length)];
      next = Object.fromEntries(
        Object.entries(example as object).filter(([k]) => k !== drop),
      );
    } else if (how === "extra") next = { ...(example as object), extra: weird };
    else next = [example];
    return JSON.stringify(next) ?? "null";
  });
}

const malformedJsonArb = fc.constantFrom(
  "{",
  "[",
  '{"a":',
  "nul",
  "\u0000",
  '{"a":1}garbage',
  '"unterminated',
  '{"__proto__":{"isAdmin":true}}',
  "1e99999",
  "[".repeat(3000) + "]".repeat(3000),
  '{"a":'.repeat(500) + "1" + "}".repeat(500),
  "\ufeff{}",
  "{'single': 'quotes'}",
  "",
  "   ",
  "\ud800",
);

const contentTypeArb = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json",
  "application/x-www-form-urlencoded",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/jsonx",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/octet-stream",
  "",
);

function bodyArb(pattern: string): fc.Arbitrary<string | undefined> {
  const examples = FUZZ_BODIES[pattern];
  const options: fc.Arbitrary<string | undefined>[] = [
    fc.constant(undefined),
    malformedJsonArb,
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null"),
    controlChars,
    fc.webQueryParameters(),
  ];
  if (examples) {
    options.push(mutatedBodyArb(examples), mutatedBodyArb(examples));
  }
  return fc.oneof(...options);
}

const oddSegmentArb = fc.constantFrom(
  "%00",
  "%2e%2e",
  "..",
  ".",
  "%2F",
  "%ff",
  "%",
  "%%",
  "%C3%A9",
  "%F0%9F%98%80",
  "a".repeat(300),
  ";x=1",
  "~",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "%20",
  "+",
);

function paramArb(name: string): fc.Arbitrary<string> {
  const odd = fc.oneof(oddSegmentArb, fc.webSegment());
  if (name === "id") {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant(":band") },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: odd },
    );
  }
  if (name === "kind") {
    return fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(
          "battery",
          "heart_rate",
          "workouts",
          "band_events",
        ),
      },
      { weight: 1, arbitrary: odd },
    );
  }
  return fc.oneof(
    fc.base64String({ minLength: 44, maxLength: 44 }).map((s) =>
      s.replace(/[+/=]/g, "_")
    ),
    odd,
  );
}

function pathArb(pattern: string): fc.Arbitrary<string> {
  const segments = pattern.split("/").filter(Boolean);
  return fc.tuple(
    ...segments.map((s) =>
      s.startsWith(":") ? paramArb(s.slice(1)) : fc.constant(s)
    ),
    fc.oneof(
      { weight: 8, arbitrary: fc.constant("") },
      { weight: 1, arbitrary: fc.constantFrom("/", "//", "/extra", "/..") },
    ),
    fc.oneof(
      { weight: 8, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
  ).map((parts) => {
    const suffix = parts[segments.length] as string;
    const doubled = parts[segments.length + 1] as boolean;
    const body = (parts.slice(0, segments.length) as string[]).join(
      doubled ? "//" : "/",
    );
    return "/" + body + suffix;
  });
}

function encode(text: string): string {
  return encodeURIComponent(text.toWellFormed());
}

/** Days in the form routes expect, from year 0 to 9999, including impossible ones. */
const dayLikeArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant("9999-12-31") },
  fc.constantFrom(
    "9999-12-31",
    "9999-12-28",
    "0000-01-01",
    "0001-01-01",
    "1969-12-31",
    "1970-01-01",
    "2199-12-31",
    "2200-01-01",
    "2024-02-29",
    "2023-02-29",
    "2024-03-31",
    "2024-10-27",
  ),
  fc.tuple(
    fc.oneof(
      fc.integer({ min: 0, max: 9999 }),
      fc.constantFrom(1969, 1970, 2024, 2199, 2200, 9999),
    ),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  ).map(([y, m, d]) =>
    `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${
      String(d).padStart(2, "0")
    }`
  ),
);

function queryValueArb(key: string, kind: QueryKind): fc.Arbitrary<string> {
  const known = FUZZ_QUERY_VALUES[key];
  const odd = weirdValueArb.map((v) =>
    typeof v === "string" ? v : JSON.stringify(v) ?? ""
  );
  if (known) {
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, {
      weight: 1,
      arbitrary: odd,
    });
  }
  if (kind === "day") {
    return fc.oneof(
      { weight: 6, arbitrary: dayLikeArb },
      { weight: 1, arbitrary: instantLikeArb },
      { weight: 1, arbitrary: odd },
    );
  }
  if (kind === "instant") {
    return fc.oneof({ weight: 6, arbitrary: instantLikeArb }, {
      weight: 1,
      arbitrary: odd,
    });
  }
  return fc.oneof(instantLikeArb, odd, fc.integer().map(String));
}

/** A query with every key the route reads, each with an edge value. */
function routeQueryArb(
  shape: Record<string, QueryKind>,
): fc.Arbitrary<string> {
  const keys = Object.keys(shape);
  return fc.tuple(
    ...keys.map((k) => fc.option(queryValueArb(k, shape[k]), { freq: 6 })),
  )
    .map((values) => {
      const pairs = keys.flatMap((k, i) =>
        values[i] === null ? [] : [`${encode(k)}=${encode(values[i]!)}`]
      );
      return pairs.length ? "?" + pairs.join("&") : "";
    });
}

/** Epoch-millisecond values around the edges of what dates and KV keys hold. */
const instantLikeArb = fc.oneof(
  fc.integer({ min: -1, max: 2 ** 53 }),
  fc.constantFrom(0, 8.64e15, 8.64e15 + 1, 2 ** 53, -1),
).map(String);

function queryArb(keys: readonly string[]): fc.Arbitrary<string> {
  const pair = fc.tuple(
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys) }, {
      weight: 1,
      arbitrary: controlChars,
    }),
    fc.oneof(
      { weight: 3, arbitrary: dayLikeArb },
      { weight: 2, arbitrary: instantLikeArb },
      {
        weight: 2,
        arbitrary: weirdValueArb.map((v) =>
          typeof v === "string" ? v : JSON.stringify(v) ?? ""
        ),
      },
      { weight: 1, arbitrary: fc.integer().map(String) },
    ),
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant("") },
    {
      weight: 4,
      arbitrary: fc.array(pair, { maxLength: 5 }).map((pairs) =>
        pairs.length
          ? "?" +
            pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&")
          : ""
      ),
    },
    { weight: 1, arbitrary: fc.webQueryParameters().map((q) => "?" + q) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "?",
        "?&&&",
        "?=",
        "?day",
        "?day=&day=2024-01-01",
        "?%",
        "?a=%ZZ",
      ),
    },
  );
}

/** A route to fuzz: its pattern and the methods it answers. */
export interface FuzzRoute {
  pattern: string;
  methods: string[];
}

/** Generates requests over the given routes, mostly with the methods they answer. */
export function fuzzRequestArb(
  routes: readonly FuzzRoute[],
  queryKeys: readonly string[],
): fc.Arbitrary<FuzzRequest> {
  const anywhere: FuzzRoute = { pattern: "*", methods: [] };
  return fc.oneof(
    { weight: 19, arbitrary: fc.constantFrom(...routes) },
    { weight: 1, arbitrary: fc.constant(anywhere) },
  ).chain(({ pattern, methods }) =>
    fc.record({
      method: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constantFrom(...(methods.length ? methods : METHODS)),
        },
        { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
      ),
      path: fc.tuple(
        pattern === "*" ? fc.webPath().map((p) => p || "/") : pathArb(pattern),
        FUZZ_QUERIES[pattern]
          ? fc.oneof(
            { weight: 3, arbitrary: routeQueryArb(FUZZ_QUERIES[pattern]) },
            { weight: 1, arbitrary: queryArb(queryKeys) },
          )
          : queryArb(queryKeys),
      ).map(([p, q]) => p + q),
      contentType: contentTypeArb,
      accept: fc.constantFrom("application/json", "text/html", "*/*", ""),
      body: bodyArb(pattern),
      identity: fc.constantFrom<FuzzRequest["identity"]>(
        "owner",
        "owner",
        "owner",
        "anonymous",
        "stale",
      ),
      withCsrf: fc.oneof(
        { weight: 5, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      sameOrigin: fc.oneof(
        { weight: 5, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
    }).map(({ contentType, accept, ...rest }) => {
      const headers: Record<string, string> = {};
      if (contentType) headers["Content-Type"] = contentType;
      if (accept) headers.Accept = accept;
      return { ...rest, headers };
    })
  );
}
