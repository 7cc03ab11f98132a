import { useEffect, useState } from "preact/hooks";
import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  WebAuthnError,
} from "@simplewebauthn/browser";
import { ApiClient } from "../lib/api/client.ts";

function isCancel(e: unknown): boolean {
  return (e instanceof WebAuthnError || e instanceof DOMException) &&
    (e.name === "NotAllowedError" || e.name === "AbortError");
}

async function signInWithPasskey(autofill: boolean, next: string) {
  const api = new ApiClient();
  const optionsJSON = await api.passkeySigninOptions();
  const response = await startAuthentication({
    optionsJSON,
    useBrowserAutofill: autofill,
  });
  await api.signInWithPasskey(response);
  location.assign(next);
}

/**
 * "Sign in with a passkey" on the sign-in page: any passkey of this server, no
 * username needed. Where the browser offers passkeys in the username field's
 * autofill (conditional UI), that works too; pressing the button cancels it.
 */
export default function PasskeySignIn(props: { next?: string }) {
  const next = props.next ?? "/";
  const [supported, setSupported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!browserSupportsWebAuthn()) return;
    setSupported(true);
    browserSupportsWebAuthnAutofill().then((autofill) => {
      if (!autofill) return;
      // Cancelled when the button starts its own request, or never used: the form stays.
      signInWithPasskey(true, next).catch((e) => {
        if (!isCancel(e)) setError(e instanceof Error ? e.message : String(e));
      });
    });
  }, []);
  if (!supported) return null;

  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      await signInWithPasskey(false, next);
    } catch (e) {
      setError(
        isCancel(e)
          ? "Cannot sign in with a passkey: the browser's prompt was cancelled or timed out, or the passkey cannot check it is you (it needs a PIN, fingerprint or face lock)"
          : e instanceof Error
          ? e.message
          : "Cannot sign in with a passkey",
      );
      setBusy(false);
    }
  };

  return (
    <div class="passkey-signin">
      {error ? <p class="notice notice-error" role="alert">{error}</p> : null}
      <button
        type="button"
        class="button"
        disabled={busy}
        onClick={signIn}
      >
        Sign in with a passkey
      </button>
    </div>
  );
}
