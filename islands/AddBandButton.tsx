import { useEffect } from "preact/hooks";
import { useSignal } from "@preact/signals";
import {
  bluetoothSupport,
  checkBluetoothSupport,
  describeBluetoothSupport,
} from "../lib/state/bluetooth_support.ts";

/** "Add a band": checks that this browser can use Web Bluetooth and says what to do when it cannot. */
export default function AddBandButton(props: { href: string; label?: string }) {
  const expanded = useSignal(false);
  useEffect(() => {
    const bluetooth = (navigator as Navigator & {
      bluetooth?: { getAvailability?: () => Promise<boolean> };
    }).bluetooth;
    const facts = {
      isSecureContext: globalThis.isSecureContext,
      origin: location.origin,
      hasBluetooth: bluetooth !== undefined,
      userAgent: navigator.userAgent,
    };
    bluetoothSupport.value = checkBluetoothSupport(facts);
    bluetooth?.getAvailability?.().then((available) => {
      bluetoothSupport.value = checkBluetoothSupport({
        ...facts,
        adapterAvailable: available,
      });
    }).catch(() => {});
  }, []);
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
