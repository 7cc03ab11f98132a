import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";

/** One group of controls: its fragment (the panel's id) and its name. */
export interface SectionGroup {
  id: string;
  label: string;
}

/** Props: the groups in order; their panels are rendered by the page with these ids. */
export interface BandSectionsProps {
  groups: SectionGroup[];
  /** The group shown before any fragment is read (the page renders it visible). */
  initial: string;
}

/**
 * Tabs over the band page's control groups (WAI-ARIA tabs with a roving
 * tabindex: arrows, Home and End move and select). Each group has its own URL
 * fragment, so a link to `#schedule` opens that group, and choosing a tab
 * updates the address without scrolling.
 */
export default function BandSections(props: BandSectionsProps) {
  const current = useSignal(props.initial);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const ids = props.groups.map((g) => g.id);

  const show = (id: string) => {
    current.value = id;
    for (const other of ids) {
      const panel = document.getElementById(other);
      if (panel) panel.hidden = other !== id;
    }
  };

  useEffect(() => {
    const fromHash = () => {
      const id = decodeURIComponent(location.hash.slice(1));
      if (ids.includes(id)) show(id);
    };
    fromHash();
    addEventListener("hashchange", fromHash);
    return () => removeEventListener("hashchange", fromHash);
  }, []);

  const choose = (id: string, focus: boolean) => {
    show(id);
    history.replaceState(history.state, "", `#${id}`);
    if (focus) tabs.current[ids.indexOf(id)]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const at = ids.indexOf(current.value);
    const next = {
      ArrowRight: (at + 1) % ids.length,
      ArrowDown: (at + 1) % ids.length,
      ArrowLeft: (at - 1 + ids.length) % ids.length,
      ArrowUp: (at - 1 + ids.length) % ids.length,
      Home: 0,
      End: ids.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    choose(ids[next], true);
  };

  return (
    <div
      class="section-tabs"
      role="tablist"
      aria-label="Band controls"
      onKeyDown={onKeyDown}
    >
      {props.groups.map((group, i) => {
        const selected = group.id === current.value;
        return (
          <button
            key={group.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${group.id}`}
            aria-controls={group.id}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            class="section-tab"
            onClick={() => choose(group.id, false)}
          >
            {group.label}
          </button>
        );
      })}
    </div>
  );
}
