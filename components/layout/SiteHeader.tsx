import type { UserView } from "../../lib/api/account_schemas.ts";

/** The top bar: brand, navigation, and the signed-in person's menu. */
export function SiteHeader(
  props: {
    user?: Pick<UserView, "username">;
    path: string;
    csrfToken?: string;
  },
) {
  const link = (href: string, label: string) => (
    <a
      href={href}
      class="nav-link"
      aria-current={isCurrent(props.path, href) ? "page" : undefined}
    >
      {label}
    </a>
  );
  return (
    <header class="site-header">
      <div class="site-header-inner">
        <a href="/" class="brand" aria-label="Band Web, home">
          <svg
            class="brand-mark"
            viewBox="0 0 24 24"
            aria-hidden="true"
            width="24"
            height="24"
          >
            <rect
              x="7"
              y="2"
              width="10"
              height="20"
              rx="5"
              fill="currentColor"
              opacity="0.25"
            />
            <rect
              x="8.5"
              y="6"
              width="7"
              height="12"
              rx="3.5"
              fill="currentColor"
            />
          </svg>
          <span>Band Web</span>
        </a>
        {props.user
          ? (
            <nav class="site-nav" aria-label="Main">
              {link("/", "Bands")}
              {link("/account", "Account")}
            </nav>
          )
          : <span class="site-nav" />}
        {props.user
          ? (
            <form method="post" action="/signout" class="signout-form">
              <input type="hidden" name="csrf" value={props.csrfToken ?? ""} />
              <span class="user-name">{props.user.username}</span>
              <button type="submit" class="button button-quiet">
                Sign out
              </button>
            </form>
          )
          : null}
      </div>
    </header>
  );
}

function isCurrent(path: string, href: string): boolean {
  return href === "/"
    ? path === "/" || path.startsWith("/devices")
    : path.startsWith(href);
}
