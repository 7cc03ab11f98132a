import { useEffect } from "preact/hooks";
import { useSignal } from "@preact/signals";
import { ApiClient } from "../lib/api/client.ts";
import { ApiError } from "../lib/api/errors.ts";
import { normalizeAuthKey, normalizeMac } from "../lib/api/band_fields.ts";
import { describeBleError } from "../lib/ble/errors.ts";
import { GattQueue } from "../lib/ble/gatt_queue.ts";
import { authenticate } from "../lib/ble/ops/authenticate.ts";
import {
  readDeviceInfo,
  verifyMacAddress,
} from "../lib/ble/ops/device_info.ts";
import type { GattTransport } from "../lib/ble/transport.ts";
import { parseAuthKey } from "../lib/protocol/auth.ts";
import {
  bluetoothSupport,
  describeBluetoothSupport,
  refreshBluetoothSupport,
} from "../lib/state/bluetooth_support.ts";
import {
  createMemoryDeviceMap,
  openDeviceMap,
} from "../lib/state/device_map.ts";
import { chooseNewBand, rememberDevice } from "../lib/state/open_band.ts";

const STEPS = [
  "Choose the band in Chrome's list",
  "Check its MAC address",
  "Authenticate with the key",
  "Read device information",
  "Save the band on the server",
] as const;

/** The add-band flow: details, a browser check, then choose, check, authenticate and save. */
export default function AddBandFlow(props: { csrfToken?: string }) {
  const name = useSignal("My band");
  const mac = useSignal("");
  const key = useSignal("");
  const step = useSignal(-1);
  const fieldError = useSignal<
    { field: "mac" | "key"; message: string } | null
  >(null);
  const failure = useSignal<{ title: string; action: string } | null>(null);
  const done = useSignal(false);

  useEffect(refreshBluetoothSupport, []);

  async function add(event: Event) {
    event.preventDefault();
    failure.value = null;
    const macAddress = normalizeMac(mac.value.trim());
    if (!macAddress) {
      fieldError.value = {
        field: "mac",
        message: "Enter the MAC as AA:BB:CC:DD:EE:FF",
      };
      return;
    }
    const authKey = normalizeAuthKey(key.value.trim());
    if (!authKey) {
      fieldError.value = {
        field: "key",
        message: "Enter the auth key as 32 hexadecimal digits",
      };
      return;
    }
    fieldError.value = null;
    const bluetooth = (navigator as { bluetooth?: Bluetooth }).bluetooth;
    // Only authentication and the device facts: not the whole MiBand4 facade,
    // which would ship every band feature's code to this page.
    let band: GattTransport | null = null;
    try {
      step.value = 0;
      const { device, transport } = await chooseNewBand(bluetooth);
      step.value = 1;
      try {
        await verifyMacAddress(transport, macAddress);
      } catch (error) {
        transport.disconnect();
        throw error;
      }
      step.value = 2;
      band = new GattQueue(transport);
      await authenticate(band, parseAuthKey(authKey));
      step.value = 3;
      const info = await readDeviceInfo(band);
      step.value = 4;
      const saved = await new ApiClient({ csrfToken: props.csrfToken }).addBand(
        {
          name: name.value.trim() || "My band",
          mac: macAddress,
          authKey,
          firmwareRevision: info.firmwareVersion,
          hardwareRevision: info.hardwareRevision,
        },
      );
      const map = typeof indexedDB === "undefined"
        ? createMemoryDeviceMap()
        : openDeviceMap();
      await rememberDevice(map, {
        bandId: saved.id,
        device,
        mac: macAddress,
        now: Date.now(),
      });
      step.value = 5;
      done.value = true;
      band.disconnect();
      location.assign(`/devices/${saved.id}`);
    } catch (error) {
      band?.disconnect();
      failure.value = error instanceof ApiError
        ? { title: error.message, action: "Check the details and try again" }
        : describeBleError(error);
      step.value = -1;
    }
  }

  const support = bluetoothSupport.value;
  const supportText = describeBluetoothSupport(support);
  const ready = support.status === "ready";
  const busy = step.value >= 0 && !done.value;
  return (
    <form class="card add-band-flow" onSubmit={add} noValidate>
      <div class="field">
        <label for="band-name">Name</label>
        <input
          id="band-name"
          type="text"
          value={name.value}
          maxLength={60}
          onInput={(e) => (name.value = e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="band-mac">MAC address</label>
        <input
          id="band-mac"
          type="text"
          placeholder="AA:BB:CC:DD:EE:FF"
          autoComplete="off"
          spellcheck={false}
          value={mac.value}
          aria-describedby="band-mac-hint"
          aria-invalid={fieldError.value?.field === "mac"}
          onInput={(e) => (mac.value = e.currentTarget.value)}
        />
        <span class="field-hint" id="band-mac-hint">
          {fieldError.value?.field === "mac"
            ? fieldError.value.message
            : "On the band: More › Settings › About."}
        </span>
      </div>
      <div class="field">
        <label for="band-key">Auth key</label>
        <input
          id="band-key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={key.value}
          aria-describedby="band-key-hint"
          aria-invalid={fieldError.value?.field === "key"}
          onInput={(e) => (key.value = e.currentTarget.value)}
        />
        <span class="field-hint" id="band-key-hint">
          {fieldError.value?.field === "key"
            ? fieldError.value.message
            : "32 hexadecimal digits from Mi Fit or Zepp Life; it stays on your server."}
        </span>
      </div>
      <div
        class={`notice ${ready ? "notice-ok" : "notice-warn"}`}
        role="status"
        id="add-support"
      >
        <strong>{supportText.title}</strong>
        {!ready && supportText.detail ? <p>{supportText.detail}</p> : null}
      </div>
      <ol class="add-steps" aria-label="Progress">
        {STEPS.map((label, i) => (
          <li
            key={label}
            aria-current={step.value === i ? "step" : undefined}
            class={step.value > i || done.value ? "step-done" : ""}
          >
            {label}
            {step.value > i || done.value ? " ✓" : step.value === i ? " …" : ""}
          </li>
        ))}
      </ol>
      {failure.value && (
        <div class="notice notice-error" role="alert" id="add-error">
          <strong>{failure.value.title}</strong>
          <p>{failure.value.action}</p>
        </div>
      )}
      <div class="button-row">
        <button
          type="submit"
          class="button button-primary"
          disabled={!ready || busy}
        >
          {busy ? "Adding…" : "Choose band and add"}
        </button>
        <a class="button button-quiet" href="/">Cancel</a>
      </div>
    </form>
  );
}
