import { useSignal } from "@preact/signals";
import type { DeviceInfo } from "../../lib/ble/mod.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";

/** MAC, model, firmware and hardware revision; read again from the band on request. */
export default function DeviceInfoCard(
  props: {
    mac: string;
    model: string;
    firmwareRevision: string | null;
    hardwareRevision: string | null;
  },
) {
  const info = useSignal<DeviceInfo | null>(null);
  const action = useBandAction();
  const read = () =>
    action.run(async (band) => {
      info.value = await band.readDeviceInfo();
    }, "Read from the band");
  const firmware = info.value?.firmwareVersion ?? props.firmwareRevision;
  const hardware = info.value?.hardwareRevision ?? props.hardwareRevision;
  return (
    <CardFrame
      id="device-info"
      title="Device"
      source={info.value ? "band" : "saved"}
    >
      <dl class="facts">
        <dt>Model</dt>
        <dd>{props.model}</dd>
        <dt>MAC address</dt>
        <dd class="mono">{info.value?.mac ?? props.mac}</dd>
        <dt>Firmware</dt>
        <dd data-testid="firmware">{firmware ?? "Not read yet"}</dd>
        <dt>Hardware</dt>
        <dd>{hardware ?? "Not read yet"}</dd>
      </dl>
      <div class="button-row">
        <button
          type="button"
          class="button"
          disabled={action.busy}
          onClick={read}
        >
          Read from band
        </button>
      </div>
      <CardNote note={action.note} />
    </CardFrame>
  );
}
