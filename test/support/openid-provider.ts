import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** A client registered with the test provider: Redress as a relying party. */
export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
}

/**
 * A real OpenID provider (`oidc-provider`) on a random localhost port, for tests of the whole sign-in flow.
 * People sign in through its development login form with an account id; `accounts` holds the claims each
 * account has, which a test may change between sign-ins. Consent is taken as given (a first-party client).
 */
export interface TestProvider {
  issuer: string;
  accounts: Map<string, Record<string, unknown>>;
  /** Follows an authorization URL through the provider's login as `accountId`; returns where it sends the browser back. */
  signIn(authorizationUrl: string, accountId: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestProvider(client: TestClient): Promise<TestProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, Record<string, unknown>>();

  const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUrl],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [{ ...key, kid: "test-key", alg: "RS256", use: "sig" }] },
    cookies: { keys: ["test provider cookie key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    pkce: { required: () => true },
    ttl: {
      Interaction: 600,
      Session: 600,
      Grant: 600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, accountId) {
      const claims = accounts.get(accountId);
      if (!claims) return undefined;
      return { accountId, claims: async () => ({ sub: accountId, ...claims }) };
    },
    // A first-party client: consent is taken as given, so the login is the only interaction.
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  handle = provider.callback();

  return {
    issuer,
    accounts,
    async signIn(authorizationUrl, accountId) {
      const jar = new Map<string, string>();
      const go = async (url: string, init: RequestInit = {}) => {
        const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
        const response = await fetch(url, {
          ...init,
          redirect: "manual",
          headers: { ...init.headers, cookie },
        });
        for (const c of response.headers.getSetCookie()) {
          const [pair = ""] = c.split(";");
          const [name = "", ...value] = pair.split("=");
          jar.set(name.trim(), value.join("="));
        }
        const location = response.headers.get("location");
        return location ? new URL(location, url) : null;
      };
      let next = await go(authorizationUrl);
      for (let hops = 0; next && next.origin === issuer && hops < 10; hops++) {
        if (next.pathname.startsWith("/interaction/")) {
          await go(next.href); // the login form
          next = await go(next.href, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ prompt: "login", login: accountId, password: "any" }).toString(),
          });
        } else {
          next = await go(next.href);
        }
      }
      if (!next) throw new Error("The provider did not send the browser back.");
      return next;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
