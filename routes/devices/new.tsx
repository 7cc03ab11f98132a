import { type Handlers, page, type PageProps } from "../../lib/http/define.ts";
import AddBandFlow from "../../islands/AddBandFlow.tsx";
import { openDemoBand } from "../api/demo-band.ts";
import { readForm } from "../../lib/auth/form_pages.ts";

interface Data {
  csrfToken: string;
}

const toSignIn = () =>
  new Response(null, { status: 303, headers: { Location: "/signin" } });

/** Adding a band (GET), or a virtual band from the form on the home page (POST). */
export const handler: Handlers<Data> = {
  GET(ctx) {
    if (!ctx.state.user) return toSignIn();
    return page({ csrfToken: ctx.state.session?.csrfToken ?? "" });
  },
  async POST(ctx) {
    const user = ctx.state.user;
    if (!user) return toSignIn();
    const form = await readForm(ctx.req);
    // Origin is checked by the middleware; the token guards against a same-site form.
    if (
      form.csrf !== ctx.state.session?.csrfToken || form.kind !== "virtual"
    ) {
      return new Response(
        "Cannot add a virtual band: reload the page and try again",
        {
          status: 400,
        },
      );
    }
    // Trying it again opens the same virtual band rather than adding a twin.
    const { band } = await openDemoBand(ctx.state.kv, user.id, ctx.state.now());
    return new Response(null, {
      status: 303,
      headers: { Location: `/devices/${band.id}` },
    });
  },
};

/** The add-band page: what is needed, where to find it, then the flow. */
export default function NewBandPage({ data }: PageProps<Data>) {
  return (
    <>
      <div class="page-heading">
        <h1>Add a band</h1>
      </div>
      <p class="lede">
        Connect your Xiaomi Mi Smart Band 4 to this browser once; after that any
        Chrome tab signed in to this server can connect, sync and control it.
      </p>
      <div class="grid">
        <AddBandFlow csrfToken={data.csrfToken} />
        <section class="card" aria-labelledby="need-title">
          <h2 id="need-title">What you need</h2>
          <ul>
            <li>
              <strong>The band's MAC address.</strong>{" "}
              On the band, open More › Settings › About.
            </li>
            <li>
              <strong>Its auth key</strong>{" "}
              (32 hexadecimal digits). The band must have been paired with Mi
              Fit or Zepp Life; the key is in that app's data (tools such as
              huafetcher or Gadgetbridge's guide show how to get it). It changes
              whenever the band is reset or paired again.
            </li>
            <li>
              <strong>The phone app disconnected.</strong>{" "}
              The band talks to one device at a time: turn off Bluetooth on the
              phone paired with it.
            </li>
            <li>
              <strong>Chrome or Edge with Bluetooth on.</strong>{" "}
              The page must be served over https or from localhost. On Linux,
              turn on chrome://flags/#enable-experimental-web-platform-features.
            </li>
          </ul>
          <form method="post" action="/devices/new">
            <input type="hidden" name="kind" value="virtual" />
            <input type="hidden" name="csrf" value={data.csrfToken} />
            <p class="field-hint">No band at hand?</p>
            <button type="submit" class="button">
              Try it with a virtual band
            </button>
          </form>
        </section>
      </div>
    </>
  );
}
