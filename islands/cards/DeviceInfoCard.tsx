import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";
import { deviceFacts, publishDeviceInfo } from "../../lib/state/band_facts.ts";

/** MAC, model, firmware and hardware revision: read from the band when it connects, else as stored. */
export default function DeviceInfoCard(
  props: {
    mac: string;
    model: string;
    firmwareRevision: string | null;
    hardwareRevision: string | null;
  },
) {
  const facts = deviceFacts.value;
  const action = useBandAction();
  const read = () =>
    action.run(async (band) => {
      publishDeviceInfo(await band.readDeviceInfo());
    }, "Read from the band");
  const firmware = facts?.firmwareRevision ?? props.firmwareRevision;
  const hardware = facts?.hardwareRevision ?? props.hardwareRevision;
  return (
    <CardFrame
      id="device-info"
      title="Device"
      source={facts ? "band" : "saved"}
    >
      <dl class="facts">
        <dt>Model</dt>
        <dd>{props.model}</dd>
        <dt>MAC address</dt>
        <dd class="mono">{facts?.mac ?? props.mac}</dd>
        <dt>Firmware</dt>
        <dd data-testid="firmware">{firmware ?? "Not read yet"}</dd>
        <dt>Hardware</dt>
        <dd data-testid="hardware">{hardware ?? "Not read yet"}</dd>
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
