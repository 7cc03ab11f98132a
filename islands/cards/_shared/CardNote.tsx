import type { CardNoteValue } from "./use_band_action.ts";

/** The outcome of a card's last action, announced to screen readers. */
export function CardNote(props: { note: CardNoteValue | null }) {
  const note = props.note;
  return (
    <p
      class={note
        ? `notice card-note ${
          note.kind === "error" ? "notice-error" : "notice-ok"
        }`
        : "card-note"}
      role="status"
      hidden={!note}
    >
      {note?.text ?? ""}
    </p>
  );
}
