// Enforces the house's one-way data flow (style.md): which folders may import which.
const RULES: { from: RegExp; forbidden: RegExp; why: string }[] = [
  {
    from: /^lib\/protocol\//,
    forbidden:
      /^(lib\/(ble|sim|db|api|http|state)|routes|islands|components)\//,
    why: "protocol code is pure",
  },
  {
    from: /^lib\/ble\//,
    forbidden: /^(lib\/(db|http|sim)|routes|islands)\//,
    why: "Bluetooth I/O stays apart from the server and the simulator",
  },
  {
    from: /^lib\/sim\//,
    forbidden: /^(lib\/(db|http|api|state)|routes|islands)\//,
    why: "the simulator only speaks the protocol",
  },
  {
    from: /^islands\//,
    forbidden: /^(lib\/db|lib\/http|routes)\//,
    why: "islands run in the browser and never open KV",
  },
  {
    from: /^components\//,
    forbidden: /^(lib\/(db|ble|sim)|islands|routes)\//,
    why: "components are server-safe presentation",
  },
  {
    from: /^routes\//,
    forbidden: /^lib\/ble\//,
    why: "routes never touch Bluetooth",
  },
  {
    from: /^lib\/api\//,
    forbidden: /^(lib\/(db|http|ble|sim)|routes|islands)\//,
    why: "wire types are pure",
  },
];

const root = new URL("..", import.meta.url).pathname;
const problems: string[] = [];

async function walk(dir: string): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of Deno.readDir(`${root}${dir}`)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) files.push(...await walk(path));
    else if (/\.tsx?$/.test(entry.name)) files.push(path);
  }
  return files;
}

function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) {
    return specifier.startsWith("@/") ? specifier.slice(2) : undefined;
  }
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}

for (const top of ["lib", "islands", "components", "routes"]) {
  for (const file of await walk(top).catch(() => [])) {
    const source = await Deno.readTextFile(`${root}${file}`);
    for (
      const match of source.matchAll(
        /(?:import|export)[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
      )
    ) {
      const target = resolve(file, match[1] ?? match[2]);
      if (!target) continue;
      for (const rule of RULES) {
        if (rule.from.test(file) && rule.forbidden.test(target)) {
          problems.push(`${file} imports ${target}: ${rule.why}`);
        }
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`Layer check failed:\n${problems.join("\n")}`);
  Deno.exit(1);
}
console.log("Layer check passed");
