import type { PageProps } from "../lib/http/define.ts";

/** The page for an address that leads nowhere. */
export default function NotFoundPage(
  props: PageProps<{ message?: string } | undefined>,
) {
  return (
    <section class="error-page">
      <p class="error-code">404</p>
      <h1>Page not found</h1>
      <p>{props.data?.message ?? `Nothing lives at ${props.url.pathname}.`}</p>
      <p>
        <a class="button" href="/">Go to your bands</a>
      </p>
    </section>
  );
}
