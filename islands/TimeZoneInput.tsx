import { useEffect, useRef } from "preact/hooks";

/** A time-zone field that starts from the browser's own zone when the server had none to offer. */
export default function TimeZoneInput(props: { name: string; value?: string }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const field = input.current;
    if (!field || props.value) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && field.value === "UTC") field.value = zone;
  }, []);
  return (
    <input
      ref={input}
      type="text"
      name={props.name}
      defaultValue={props.value || "UTC"}
      required
      autocomplete="off"
      spellcheck={false}
    />
  );
}
