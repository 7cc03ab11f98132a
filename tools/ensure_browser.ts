// Makes sure a Chromium is there for the browser tests: CHROME_PATH, or
// Debian's chromium (installed with apt-get when missing and running as root).
import { findChromium } from "../tests/support/chromium_path.ts";

const found = findChromium(Deno.env.get("CHROME_PATH"));
if (found) Deno.exit(0);

const isRoot = Deno.uid?.() === 0;
const hasApt = (() => {
  try {
    return Deno.statSync("/usr/bin/apt-get").isFile;
  } catch {
    return false;
  }
})();
if (Deno.build.os !== "linux" || !hasApt || !isRoot) {
  console.error(
    "Cannot run the browser tests: no Chromium found. Install Chromium or Chrome and set CHROME_PATH to its executable " +
      "(on Debian as root this command installs the chromium package itself).",
  );
  Deno.exit(1);
}
console.log("Installing Debian's chromium for the browser tests…");
for (
  const args of [["update", "-qq"], [
    "install",
    "-y",
    "-qq",
    "--no-install-recommends",
    "chromium",
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
      `Cannot install chromium: apt-get ${
        args.join(" ")
      } failed; install it by hand or set CHROME_PATH`,
    );
    Deno.exit(1);
  }
}
if (!findChromium(undefined)) {
  console.error(
    "Cannot find chromium after installing it: set CHROME_PATH to its executable",
  );
  Deno.exit(1);
}
