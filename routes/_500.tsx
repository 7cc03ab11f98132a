import type { PageProps } from "../lib/http/define.ts";

/** The page for a failure on the server or a refused request. */
export default function ErrorPage(
  props: PageProps<
    { status: number; message: string; requestId?: string } | undefined
  >,
) {
  const status = props.data?.status ?? 500;
  return (
    <section class="error-page">
      <p class="error-code">{status}</p>
      <h1>
        {status >= 500
          ? "Something went wrong"
          : "This request cannot be completed"}
      </h1>
      <p>
        {props.data?.message ??
          "The server could not answer. Try again in a moment."}
      </p>
      {status >= 500 && props.data?.requestId
        ? (
          <p class="error-reference">
            Reference for the server's log: <code>{props.data.requestId}</code>
          </p>
        )
        : null}
      <p>
        <a class="button" href="/">Go to your bands</a>
      </p>
    </section>
  );
}
