import { useSignal } from "@preact/signals";

/** Props for {@link CopyButton}. */
export interface CopyButtonProps {
  /** The text to copy. */
  text: string;
  /** Id of the field showing the text, selected when the clipboard refuses. */
  fieldId?: string;
  /** Button label (default "Copy"). */
  label?: string;
}

/** Copies a text to the clipboard and says so; selects its field when the browser refuses. */
export default function CopyButton(props: CopyButtonProps) {
  const status = useSignal("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text);
      status.value = "Copied";
    } catch {
      const field = props.fieldId
        ? document.getElementById(props.fieldId) as HTMLInputElement | null
        : null;
      field?.select();
      status.value = "Cannot copy here: the link is selected, press Ctrl+C";
    }
  }
  return (
    <span class="copy-button">
      <button type="button" class="button button-primary" onClick={copy}>
        {props.label ?? "Copy"}
      </button>
      <span class="field-hint" role="status">{status.value}</span>
    </span>
  );
}
