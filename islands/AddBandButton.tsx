import { useEffect } from "preact/hooks";
import { useSignal } from "@preact/signals";
import {
  bluetoothSupport,
  describeBluetoothSupport,
  refreshBluetoothSupport,
} from "../lib/state/bluetooth_support.ts";
import { VirtualBandForm } from "../components/VirtualBandForm.tsx";

/**
 * "Add a band": checks that this browser can use Web Bluetooth and says what to
 * do when it cannot. Given a CSRF token it also offers the virtual band, which
 * becomes the main button when this browser cannot reach a real band.
 */
export default function AddBandButton(
  props: { href: string; label?: string; virtualBandCsrf?: string },
) {
  const expanded = useSignal(false);
  useEffect(refreshBluetoothSupport, []);
  const support = bluetoothSupport.value;
  const message = describeBluetoothSupport(support);
  const ready = support.status === "ready";
  const blocked = !ready && support.status !== "unknown";
  const addClass = blocked && props.virtualBandCsrf
    ? "button"
    : "button button-primary";
  return (
    <div class="add-band">
      <div class="button-row">
        {ready
          ? (
            <a class={addClass} href={props.href}>
              {props.label ?? "Add a band"}
            </a>
          )
          : (
            <button
              type="button"
              class={addClass}
              aria-expanded={expanded.value}
              aria-controls="bluetooth-support"
              onClick={() => expanded.value = !expanded.value}
            >
              {props.label ?? "Add a band"}
            </button>
          )}
        {props.virtualBandCsrf
          ? (
            <VirtualBandForm
              csrfToken={props.virtualBandCsrf}
              emphasis={blocked ? "primary" : "plain"}
            />
          )
          : null}
      </div>
      <div
        id="bluetooth-support"
        class={`support-note support-${support.status}`}
        role="status"
      >
        <strong>{message.title}</strong>
        {message.detail && (!ready || expanded.value)
          ? <p>{message.detail}</p>
          : null}
      </div>
    </div>
  );
}
