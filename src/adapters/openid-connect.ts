import * as openid from "openid-client";
import { isLoopback, type OidcSettings } from "../config.ts";

/** What the browser carries between leaving for the provider and coming back, to check the answer is ours. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the provider says signed in: its issuer, its stable subject for them, and its claims about them. */
export interface AuthenticatedIdentity {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
}

/** The provider could not be reached, or its answer did not check out (wrong state, nonce, signature ...). */
export class OpenIdError extends Error {
  readonly code = "OPENID_FAILED";
  constructor(cause: unknown) {
    super(`OpenID Connect sign-in failed: ${reasons(cause).join(": ")}`, { cause });
    this.name = "OpenIdError";
  }
}

/** The messages down an error's chain of causes ("invalid response encountered: unexpected state ..."), for the log. */
function reasons(error: unknown): string[] {
  if (!(error instanceof Error)) return [String(error)];
  return [error.message, ...(error.cause === undefined ? [] : reasons(error.cause))];
}

export interface OpenIdRelyingParty {
  /** Where to send the browser to sign in, and what to remember to check the answer. */
  begin(): Promise<{ url: string; pending: PendingSignIn }>;
  /** Checks the provider's answer (the query string it sent the browser back with) and says who signed in. */
  complete(query: string, pending: PendingSignIn): Promise<AuthenticatedIdentity>;
}

/**
 * A relying party on `openid-client`: the authorization code flow with PKCE (S256), state and nonce, the
 * provider found by discovery from its issuer (once, on first use, so Redress starts even if the provider is
 * down; a failed discovery is tried again next time). The return address is the configured one, never the
 * request's, so a proxy in front of Redress cannot change it.
 */
export function openIdRelyingParty(settings: OidcSettings): OpenIdRelyingParty {
  let configuration: Promise<openid.Configuration> | null = null;
  const discover = () => {
    configuration ??= openid
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        // Plain http is allowed only for a provider on this machine (development and tests; config.ts).
        execute: isLoopback(new URL(settings.issuer).hostname) ? [openid.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        configuration = null;
        throw error;
      });
    return configuration;
  };
  const failing = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new OpenIdError(error);
    }
  };

  return {
    begin: () =>
      failing(async () => {
        const config = await discover();
        const pending = {
          state: openid.randomState(),
          nonce: openid.randomNonce(),
          codeVerifier: openid.randomPKCECodeVerifier(),
        };
        const url = openid.buildAuthorizationUrl(config, {
          redirect_uri: settings.redirectUrl,
          scope: "openid email profile",
          state: pending.state,
          nonce: pending.nonce,
          code_challenge: await openid.calculatePKCECodeChallenge(pending.codeVerifier),
          code_challenge_method: "S256",
        });
        return { url: url.href, pending };
      }),
    complete: (query, pending) =>
      failing(async () => {
        const config = await discover();
        const returned = new URL(settings.redirectUrl);
        returned.search = query;
        const tokens = await openid.authorizationCodeGrant(config, returned, {
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          pkceCodeVerifier: pending.codeVerifier,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new Error("the provider sent no ID token");
        let claims: Record<string, unknown> = { ...idToken };
        // Some providers put the email only in userinfo; the subject must be the ID token's.
        if (claims.email === undefined && config.serverMetadata().userinfo_endpoint) {
          const userInfo = await openid.fetchUserInfo(config, tokens.access_token, idToken.sub);
          claims = { ...userInfo, ...claims };
        }
        return { issuer: idToken.iss, subject: idToken.sub, claims };
      }),
  };
}
