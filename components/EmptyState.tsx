import type { ComponentChildren } from "preact";

/** A friendly placeholder for a list or view with nothing to show yet. */
export function EmptyState(
  props: {
    title: string;
    children?: ComponentChildren;
    icon?: "band" | "chart";
  },
) {
  return (
    <section class="empty-state" aria-labelledby="empty-title">
      <svg
        class="empty-icon"
        viewBox="0 0 48 48"
        aria-hidden="true"
        width="48"
        height="48"
      >
        {props.icon === "chart"
          ? (
            <path
              d="M8 40V20M20 40V8M32 40V26M44 40H4"
              stroke="currentColor"
              stroke-width="4"
              stroke-linecap="round"
              fill="none"
            />
          )
          : (
            <>
              <rect
                x="15"
                y="3"
                width="18"
                height="42"
                rx="9"
                fill="currentColor"
                opacity="0.2"
              />
              <rect
                x="18"
                y="12"
                width="12"
                height="24"
                rx="6"
                fill="currentColor"
              />
            </>
          )}
      </svg>
      <h2 id="empty-title">{props.title}</h2>
      {props.children}
    </section>
  );
}
