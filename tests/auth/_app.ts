// The whole app in-process on in-memory KV, with helpers to make an owner and
// a second person signed in through the API.
import { Agent } from "../api/harness.ts";
import { createTestApp, type TestApp } from "../support/test_app.ts";

/** The password every test account uses. */
export const PASSWORD = "correct horse battery";

/** A test app that closes its KV on dispose. */
export interface AuthTestApp extends TestApp {
  agent(): Agent;
  [Symbol.dispose](): void;
}

/** Builds the real app (every route) on a fresh in-memory KV. */
export async function createAuthTestApp(
  env: Record<string, string> = {},
): Promise<AuthTestApp> {
  const t = await createTestApp({ env });
  return {
    ...t,
    agent: () => new Agent(t.app),
    [Symbol.dispose]: () => t.close(),
  };
}

/** Creates the owner (or, once there is one, an invited member) and returns a signed-in agent. */
export async function signUp(
  t: AuthTestApp,
  username: string,
  inviter?: Agent,
): Promise<Agent> {
  const agent = t.agent();
  let path = "/api/setup";
  if (inviter) {
    const inv = await (await inviter.request("POST", "/api/invitations", {
      json: {},
    })).json();
    path = `/api/invitations/${inv.token}`;
  }
  const res = await agent.request("POST", path, {
    json: { username, password: PASSWORD, timeZone: "UTC" },
  });
  if (res.status !== 201) {
    throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  }
  agent.csrfToken = (await res.json()).csrfToken;
  return agent;
}
