import { useSignal } from "@preact/signals";
import { ApiClient } from "../../lib/api/client.ts";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { describeCardError, useBandAction } from "./_shared/use_band_action.ts";
import { deviceFacts, publishDeviceInfo } from "../../lib/state/band_facts.ts";
import { connectedBand } from "../../lib/state/band_connection.ts";
import { offlineKept } from "../../lib/state/offline_signals.ts";
import { forgetRemovedBand } from "../../lib/state/offline_band.ts";

/** Its tab panel is hidden at load: the code loads when the card is first shown. */
export const lazy = true;

/** Props: the band as stored. */
export interface DeviceInfoCardProps {
  bandId: string;
  csrfToken: string;
  name: string;
  mac: string;
  model: string;
  firmwareRevision: string | null;
  hardwareRevision: string | null;
}

/** MAC, model, firmware and hardware revision (read from the band when it connects, else as stored), and forgetting the band. */
export default function DeviceInfoCard(props: DeviceInfoCardProps) {
  const facts = deviceFacts.value;
  const action = useBandAction();
  const confirming = useSignal(false);
  const read = () =>
    action.run(
      async (band) => {
        publishDeviceInfo(await band.readDeviceInfo());
      },
      "Read from the band",
      { pending: "Reading from the band…" },
    );
  const forget = async () => {
    action.show({ kind: "pending", text: "Forgetting the band…" });
    try {
      await connectedBand.value?.disconnect();
      await new ApiClient({ csrfToken: props.csrfToken }).deleteBand(
        props.bandId,
      );
      // Whatever this browser kept for offline use leaves with the band.
      if (offlineKept.peek() !== false) {
        await forgetRemovedBand(props.bandId).catch(() => {});
      }
      location.assign("/");
    } catch (error) {
      action.show({ kind: "error", text: describeCardError(error) });
    }
  };
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
      <div class="forget" aria-labelledby="forget-title">
        <h3 id="forget-title">Forget this band</h3>
        <p class="field-hint">
          Removes {props.name}{" "}
          and all its history from this server. The band keeps its own data
          until it is paired again.
        </p>
        {confirming.value
          ? (
            <div class="button-row" role="group" aria-label="Confirm">
              <button
                type="button"
                class="button button-danger"
                onClick={forget}
              >
                Forget {props.name} and its history
              </button>
              <button
                type="button"
                class="button button-quiet"
                onClick={() => (confirming.value = false)}
              >
                Keep it
              </button>
            </div>
          )
          : (
            <button
              type="button"
              class="button button-danger"
              onClick={() => (confirming.value = true)}
            >
              Forget this band…
            </button>
          )}
      </div>
      <CardNote note={action.note} />
    </CardFrame>
  );
}
