import { useSignal } from "@preact/signals";
import { CardFrame } from "../../components/cards/CardFrame.tsx";
import { CardNote } from "./_shared/CardNote.tsx";
import { useBandAction } from "./_shared/use_band_action.ts";

/** Two cards from one island: a notification with a title and text, and a simulated incoming call. */
export default function NotificationsCard() {
  const action = useBandAction();
  const callAction = useBandAction();
  const title = useSignal("Band Web");
  const body = useSignal("");
  const caller = useSignal("");
  const ringing = useSignal(false);
  const send = (event: Event) => {
    event.preventDefault();
    if (title.value.trim() === "") {
      action.show({
        kind: "error",
        text: "Cannot send notification: give it a title",
      });
      return;
    }
    const notification = {
      category: "custom" as const,
      icon: "app" as const,
      title: title.value.trim(),
      body: body.value.trim() || undefined,
      appName: "Band Web",
    };
    return action.run(
      (band) => band.alerts.sendAppNotification(notification),
      "Notification sent",
    );
  };
  const call = (event: Event) => {
    event.preventDefault();
    if (ringing.value) {
      return callAction.run(async (band) => {
        await band.alerts.stopIncomingCall();
        ringing.value = false;
      }, "Call ended");
    }
    const name = caller.value.trim() || "Unknown caller";
    return callAction.run(async (band) => {
      await band.alerts.startIncomingCall(name);
      ringing.value = true;
    }, `Calling from ${name}`);
  };
  return (
    <>
      <CardFrame id="notifications" title="Notification" tall>
        <form class="card-form" onSubmit={send}>
          <div class="field">
            <label for="note-title">Title</label>
            <input
              id="note-title"
              type="text"
              maxLength={32}
              value={title.value}
              onInput={(e) =>
                title.value = (e.target as HTMLInputElement).value}
            />
          </div>
          <div class="field">
            <label for="note-body">Text</label>
            <textarea
              id="note-body"
              rows={2}
              maxLength={512}
              value={body.value}
              onInput={(e) =>
                body.value = (e.target as HTMLTextAreaElement).value}
            />
          </div>
          <div class="button-row">
            <button
              type="submit"
              class="button button-primary"
              disabled={action.busy}
            >
              Send notification
            </button>
          </div>
        </form>
        <CardNote note={action.note} />
      </CardFrame>
      <CardFrame id="incoming-call" title="Incoming call">
        <p class="field-hint">
          The band rings and shows the caller, as when the phone rings.
        </p>
        <form onSubmit={call} class="card-form">
          <div class="field">
            <label for="call-name">Caller</label>
            <input
              id="call-name"
              type="text"
              placeholder="Mom"
              value={caller.value}
              onInput={(e) =>
                caller.value = (e.target as HTMLInputElement).value}
            />
          </div>
          <div class="button-row">
            <button
              type="submit"
              class={ringing.value ? "button button-danger" : "button"}
              disabled={callAction.busy}
            >
              {ringing.value ? "End call" : "Simulate incoming call"}
            </button>
          </div>
        </form>
        <CardNote note={callAction.note} />
      </CardFrame>
    </>
  );
}
