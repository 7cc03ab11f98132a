// Puts virtual bands into a real Chromium page: lib/state/virtual_band.ts (and the
// simulator behind it) is bundled for the browser once per test process, and the
// returned script, given to playwright's `addInitScript`, replaces
// navigator.bluetooth before any page script runs. Tests reach the simulator
// through `globalThis.__simBands` (VirtualBand[]) and `globalThis.__simBluetooth`
// (the VirtualBluetooth: radio, choose, ready).
import * as esbuild from "esbuild";
import type {
  InstallOptions,
  VirtualBandSpec,
} from "../../lib/state/virtual_band.ts";
import { ROOT } from "./test_app.ts";

/** The bands to inject and how the fake radio behaves. */
export interface InjectOptions extends InstallOptions {
  /** One entry per virtual band. */
  bands: VirtualBandSpec[];
}

/** A test key (not a real band's), 32 hex digits. */
export const TEST_KEY = "30313233343536373839404142434445";

/** A second, different key, for "wrong key" tests. */
export const OTHER_KEY = "00112233445566778899aabbccddeeff";

const ENTRY = `
import { installVirtualBluetooth } from "./lib/state/virtual_band.ts";
const config = globalThis.__simConfig;
const installed = installVirtualBluetooth(config.bands, config.options);
globalThis.__simBluetooth = installed;
globalThis.__simBands = installed.bands;
`;

let bundle: Promise<string> | undefined;

/** Bundles the simulator for the browser (once per process) as one classic script. */
export function bundleSimulator(): Promise<string> {
  bundle ??= esbuild.build({
    stdin: {
      contents: ENTRY,
      resolveDir: ROOT,
      sourcefile: "inject_band_entry.ts",
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome120"],
    write: false,
    logLevel: "silent",
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}

/** Returns the `addInitScript` payload that installs the virtual bands in every page of a context. */
export async function buildInjectScript(
  options: InjectOptions,
): Promise<string> {
  const { bands, ...rest } = options;
  const config = JSON.stringify({ bands, options: rest });
  // Only the top page gets a fake radio; frames have no Bluetooth of their own.
  return `if (window === window.top) {
globalThis.__simConfig = ${config};
${await bundleSimulator()}
}`;
}

/** Stops esbuild's service so Deno's resource sanitizer stays quiet; call once at the end. */
export async function stopSimulatorBundler(): Promise<void> {
  await esbuild.stop();
}
