import type { AppProps } from "../lib/http/define.ts";
import { SiteFooter } from "../components/layout/SiteFooter.tsx";
import { SiteHeader } from "../components/layout/SiteHeader.tsx";
import { LocaleContext } from "../components/formats.ts";
import { DEFAULT_LOCALE } from "../lib/time/locale.ts";
import { MANIFEST_PATH } from "../lib/pwa/manifest.ts";

/** The document shell every page renders inside. */
export default function App({ Component, state, url }: AppProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>Band Web</title>
        <meta
          name="theme-color"
          media="(prefers-color-scheme: light)"
          content="#0b6e4f"
        />
        <meta
          name="theme-color"
          media="(prefers-color-scheme: dark)"
          content="#0f1419"
        />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {/* With cookies, so the manifest can list the person's bands as shortcuts. */}
        <link
          rel="manifest"
          href={MANIFEST_PATH}
          crossorigin="use-credentials"
        />
        <link rel="apple-touch-icon" href="/icons/icon-192.png" />
        <link rel="stylesheet" href="/styles.css" />
        <link rel="stylesheet" href="/charts.css" />
        {state.session
          ? <meta name="csrf-token" content={state.session.csrfToken} />
          : null}
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <SiteHeader
          user={state.user}
          path={url.pathname}
          csrfToken={state.session?.csrfToken}
        />
        <main id="main" class="page">
          <LocaleContext.Provider value={state.locale ?? DEFAULT_LOCALE}>
            <Component />
          </LocaleContext.Provider>
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
