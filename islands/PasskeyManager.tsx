import { useState } from "preact/hooks";
import {
  browserSupportsWebAuthn,
  startRegistration,
  WebAuthnError,
} from "@simplewebauthn/browser";
import { ApiClient } from "../lib/api/client.ts";
import type { PasskeyView } from "../lib/api/credential_schemas.ts";
import { formatWhen } from "../components/account/CredentialList.tsx";

function describe(error: unknown, action: string): string {
  if (error instanceof WebAuthnError || error instanceof DOMException) {
    return error.name === "NotAllowedError" || error.name === "AbortError"
      ? `Cannot ${action}: the browser's prompt was cancelled or timed out, or the passkey cannot check it is you (it needs a PIN, fingerprint or face lock)`
      : `Cannot ${action}: ${error.message}`;
  }
  return error instanceof Error ? error.message : `Cannot ${action}`;
}

/** The Account page's passkeys: add (named), rename and remove. */
export default function PasskeyManager(
  props: { passkeys: PasskeyView[]; timeZone: string; csrfToken: string },
) {
  const [passkeys, setPasskeys] = useState(props.passkeys);
  const [names, setNames] = useState<Record<string, string>>({});
  const [newName, setNewName] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<
    { kind: "ok" | "error"; text: string } | null
  >(null);
  const api = new ApiClient({ csrfToken: props.csrfToken });
  const supported = typeof window !== "undefined" &&
    browserSupportsWebAuthn();

  async function run(action: string, job: () => Promise<string>) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ kind: "ok", text: await job() });
    } catch (error) {
      setMessage({ kind: "error", text: describe(error, action) });
    } finally {
      setBusy(false);
    }
  }

  const add = (event: Event) => {
    event.preventDefault();
    const name = newName.trim() || "Passkey";
    return run("add a passkey", async () => {
      const optionsJSON = await api.passkeyRegistrationOptions();
      const response = await startRegistration({ optionsJSON });
      const added = await api.registerPasskey(name, response);
      setPasskeys((list) => [...list, added]);
      setNewName("");
      return `Passkey "${added.name}" added`;
    });
  };

  const rename = (id: string) =>
    run("rename the passkey", async () => {
      const renamed = await api.renamePasskey(id, names[id] ?? "");
      setPasskeys((list) => list.map((p) => p.id === id ? renamed : p));
      return `Passkey renamed to "${renamed.name}"`;
    });

  const remove = (passkey: PasskeyView) =>
    run("remove the passkey", async () => {
      await api.removePasskey(passkey.id);
      setPasskeys((list) => list.filter((p) => p.id !== passkey.id));
      return `Passkey "${passkey.name}" removed`;
    });

  return (
    <div class="passkeys">
      {message
        ? (
          <p
            class={`notice notice-${message.kind}`}
            role={message.kind === "ok" ? "status" : "alert"}
          >
            {message.text}
          </p>
        )
        : null}
      {passkeys.length === 0
        ? <p class="field-hint">No passkeys yet.</p>
        : (
          <ul class="credential-list">
            {passkeys.map((p) => (
              <li key={p.id} class="credential-row">
                <span>
                  <input
                    aria-label={`Name of passkey ${p.name}`}
                    value={names[p.id] ?? p.name}
                    maxLength={64}
                    onInput={(e) =>
                      setNames({
                        ...names,
                        [p.id]: (e.target as HTMLInputElement).value,
                      })}
                  />
                  <span class="field-hint">
                    {` created ${
                      formatWhen(p.createdAt, props.timeZone)
                    }, last used ${formatWhen(p.lastUsedAt, props.timeZone)}`}
                  </span>
                </span>
                <span class="button-row">
                  <button
                    type="button"
                    class="button"
                    disabled={busy}
                    onClick={() => rename(p.id)}
                  >
                    Save name
                  </button>
                  <button
                    type="button"
                    class="button button-danger"
                    disabled={busy}
                    aria-label={`Remove passkey ${p.name}`}
                    onClick={() => remove(p)}
                  >
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      {supported
        ? (
          <form onSubmit={add}>
            <label class="field">
              Passkey name
              <input
                value={newName}
                maxLength={64}
                placeholder="Laptop fingerprint"
                onInput={(e) =>
                  setNewName((e.target as HTMLInputElement).value)}
              />
            </label>
            <button type="submit" class="button" disabled={busy}>
              Add a passkey
            </button>
          </form>
        )
        : (
          <p class="field-hint">
            This browser cannot create passkeys here (they need https or
            localhost and a browser with WebAuthn).
          </p>
        )}
    </div>
  );
}
