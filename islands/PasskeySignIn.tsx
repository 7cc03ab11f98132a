import { useEffect, useState } from "preact/hooks";
import {
  browserSupportsWebAuthn,
  startAuthentication,
  WebAuthnError,
} from "@simplewebauthn/browser";
import { ApiClient } from "../lib/api/client.ts";

/** "Sign in with a passkey" on the sign-in page: any passkey of this server, no username needed. */
export default function PasskeySignIn(props: { next?: string }) {
  const [supported, setSupported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  if (!supported) return null;

  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      const api = new ApiClient();
      const optionsJSON = await api.passkeySigninOptions();
      const response = await startAuthentication({ optionsJSON });
      await api.signInWithPasskey(response);
      location.assign(props.next ?? "/");
    } catch (e) {
      const cancelled = (e instanceof WebAuthnError ||
        e instanceof DOMException) &&
        (e.name === "NotAllowedError" || e.name === "AbortError");
      setError(
        cancelled
          ? "Cannot sign in with a passkey: the browser's prompt was cancelled or timed out"
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
