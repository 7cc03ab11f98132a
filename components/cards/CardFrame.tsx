import type { ComponentChildren } from "preact";

/** A feature card: a titled section, with a small badge saying where its values come from. */
export function CardFrame(
  props: {
    id: string;
    title: string;
    source?: "band" | "saved" | "live";
    wide?: boolean;
    /** Spans two rows of its group beside two shorter cards. */
    tall?: boolean;
    children: ComponentChildren;
  },
) {
  const headingId = `${props.id}-title`;
  return (
    <section
      class={`card band-card${props.wide ? " band-card-wide" : ""}${
        props.tall ? " band-card-tall" : ""
      }`}
      id={props.id}
      aria-labelledby={headingId}
    >
      <div class="band-card-head">
        <h2 id={headingId}>{props.title}</h2>
        {props.source ? <SourceBadge source={props.source} /> : null}
      </div>
      {props.children}
    </section>
  );
}

function SourceBadge(props: { source: "band" | "saved" | "live" }) {
  const text = { band: "From the band", saved: "Last saved", live: "Live" }[
    props.source
  ];
  return (
    <span class={props.source === "live" ? "badge badge-accent" : "badge"}>
      {text}
    </span>
  );
}
