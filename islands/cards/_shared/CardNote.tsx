import type { CardNoteValue } from "./use_band_action.ts";

const KIND_CLASS = {
  ok: "notice-ok",
  error: "notice-error",
  pending: "notice-pending",
} as const;

/** The outcome of a card's last action, or what it is doing now, announced to screen readers. */
export function CardNote(props: { note: CardNoteValue | null }) {
  const note = props.note;
  return (
    <p
      class={note ? `notice card-note ${KIND_CLASS[note.kind]}` : "card-note"}
      role="status"
      hidden={!note}
    >
      {note?.text ?? ""}
    </p>
  );
}
