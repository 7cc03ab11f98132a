import type { Handlers } from "../lib/http/define.ts";
import { readForm, redirect } from "../lib/auth/form_pages.ts";
import { closeSession } from "../lib/auth/sign_in.ts";
import { forbidden } from "../lib/http/errors.ts";

/** Ends the session (the header's sign-out form posts here with the CSRF token). */
export const handler: Handlers = {
  async POST(ctx) {
    const fields = await readForm(ctx.req);
    if (ctx.state.session && fields.csrf !== ctx.state.session.csrfToken) {
      throw forbidden(
        "Cannot sign out: the form is stale, reload the page and try again",
      );
    }
    return redirect("/signin", await closeSession(ctx));
  },
};
