import assert from "node:assert/strict";
import { ROOT } from "../support/test_app.ts";

// A rule left open (say, by a merge) silently swallows every rule after it:
// the page still loads, but half its styles are gone. Browsers forgive that,
// so the stylesheets are checked here: braces balance, and rules nest only
// inside at-rules such as @media.
function findNestingProblems(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const stack: string[] = [];
  const problems: string[] = [];
  let prelude = "";
  for (const char of text) {
    if (char === "{") {
      const head = prelude.trim();
      if (stack.length > 0 && !stack.at(-1)!.startsWith("@") && head !== "") {
        problems.push(`"${head}" sits inside "${stack.at(-1)}"`);
      }
      stack.push(head);
      prelude = "";
    } else if (char === "}") {
      if (stack.pop() === undefined) problems.push("a } closes nothing");
      prelude = "";
    } else if (char === ";") {
      prelude = "";
    } else prelude += char;
  }
  for (const open of stack) problems.push(`"${open}" is never closed`);
  return problems;
}

Deno.test("findNestingProblems() finds a rule left open and a stray brace", () => {
  assert.deepEqual(
    findNestingProblems("a { color: red; }\n@media (x) { b { c: d; } }"),
    [],
  );
  assert.deepEqual(findNestingProblems(".a { gap: 1rem;\n.b { gap: 2rem; }"), [
    '".b" sits inside ".a"',
    '".a" is never closed',
  ]);
  assert.deepEqual(findNestingProblems("a { b: c; } }"), [
    "a } closes nothing",
  ]);
});

Deno.test("every stylesheet in static/ closes each rule it opens", async () => {
  const sheets: string[] = [];
  for await (const entry of Deno.readDir(`${ROOT}/static`)) {
    if (entry.isFile && entry.name.endsWith(".css")) sheets.push(entry.name);
  }
  assert.ok(sheets.includes("styles.css"));
  for (const name of sheets) {
    const css = await Deno.readTextFile(`${ROOT}/static/${name}`);
    assert.deepEqual(findNestingProblems(css), [], name);
  }
});
