// Type-checks the code that runs in the browser against the DOM alone (no Deno
// globals), so a stray `Deno.*` in an island or in lib/ble fails the check.
const root = new URL("..", import.meta.url).pathname;
const config = JSON.parse(await Deno.readTextFile(`${root}deno.json`));
config.compilerOptions.lib = [
  "dom",
  "dom.iterable",
  "dom.asynciterable",
  "esnext",
];
delete config.tasks;
const temp = `${root}.browser-check.deno.json`;
await Deno.writeTextFile(temp, JSON.stringify(config));
try {
  const { code } = await new Deno.Command(Deno.execPath(), {
    args: [
      "check",
      "--config",
      temp,
      "lib/protocol",
      "lib/ble",
      "lib/sim",
      "lib/state",
      "lib/api/client.ts",
      "lib/pwa/register.ts",
      "lib/pwa/sw.ts",
      "islands",
    ],
    cwd: root,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) Deno.exit(code);
  console.log("Browser type check passed");
} finally {
  await Deno.remove(temp);
}
