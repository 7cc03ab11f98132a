// Makes sure the programs the tests drive are there: a Chromium for the
// browser tests (CHROME_PATH, or Debian's chromium) and Caddy for the
// reverse-proxy deployment test (tests/deploy/caddy_test.ts). Missing ones are
// installed with apt-get when running as root on Debian.
import { findChromium } from "../tests/support/chromium_path.ts";

function isOnPath(name: string): boolean {
  return (Deno.env.get("PATH") ?? "").split(":").some((dir) => {
    try {
      return Deno.statSync(`${dir}/${name}`).isFile;
    } catch {
      return false;
    }
  });
}

const missing: { pkg: string; why: string; found: () => boolean }[] = [];
if (!findChromium(Deno.env.get("CHROME_PATH"))) {
  missing.push({
    pkg: "chromium",
    why:
      "Cannot run the browser tests: no Chromium found. Install Chromium or Chrome and set CHROME_PATH to its executable",
    found: () => findChromium(undefined) !== undefined,
  });
}
if (!isOnPath("caddy")) {
  missing.push({
    pkg: "caddy",
    why:
      "Cannot run the reverse-proxy test: caddy is not installed. Install Caddy 2.6 or later (Debian: apt-get install caddy)",
    found: () => isOnPath("caddy"),
  });
}
if (missing.length === 0) Deno.exit(0);

const isRoot = Deno.uid?.() === 0;
const hasApt = (() => {
  try {
    return Deno.statSync("/usr/bin/apt-get").isFile;
  } catch {
    return false;
  }
})();
if (Deno.build.os !== "linux" || !hasApt || !isRoot) {
  for (const { why } of missing) {
    console.error(
      `${why} (on Debian as root this command installs the package itself).`,
    );
  }
  Deno.exit(1);
}
const packages = missing.map((m) => m.pkg);
console.log(`Installing Debian's ${packages.join(" and ")} for the tests…`);
for (
  const args of [["update", "-qq"], [
    "install",
    "-y",
    "-qq",
    "--no-install-recommends",
    ...packages,
  ]]
) {
  const { success } = await new Deno.Command("apt-get", {
    args,
    env: { DEBIAN_FRONTEND: "noninteractive" },
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (!success) {
    console.error(
      `Cannot install ${packages.join(", ")}: apt-get ${
        args.join(" ")
      } failed; install it by hand (or set CHROME_PATH for Chromium)`,
    );
    Deno.exit(1);
  }
}
for (const { pkg, found } of missing) {
  if (!found()) {
    console.error(
      `Cannot find ${pkg} after installing it: install it by hand${
        pkg === "chromium" ? " or set CHROME_PATH to its executable" : ""
      }`,
    );
    Deno.exit(1);
  }
}
