import { useEffect } from "preact/hooks";
import { useSignal } from "@preact/signals";
import {
  bluetoothSupport,
  describeBluetoothSupport,
  refreshBluetoothSupport,
} from "../lib/state/bluetooth_support.ts";

/** "Add a band": checks that this browser can use Web Bluetooth and says what to do when it cannot. */
export default function AddBandButton(props: { href: string; label?: string }) {
  const expanded = useSignal(false);
  useEffect(refreshBluetoothSupport, []);
  const support = bluetoothSupport.value;
  const message = describeBluetoothSupport(support);
  const ready = support.status === "ready";
  return (
    <div class="add-band">
      {ready
        ? (
          <a class="button button-primary" href={props.href}>
            {props.label ?? "Add a band"}
          </a>
        )
        : (
          <button
            type="button"
            class="button button-primary"
            aria-expanded={expanded.value}
            aria-controls="bluetooth-support"
            onClick={() => expanded.value = !expanded.value}
          >
            {props.label ?? "Add a band"}
          </button>
        )}
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
