import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, mailSettings, oidcSettings, trustedProxies } from "./config.ts";

const OIDC = {
  REDRESS_OIDC_ISSUER: "https://login.microsoftonline.com/2f1c1a9e-2b1e-4c1e-9a3e-5d6c7b8a9f00/v2.0",
  REDRESS_OIDC_CLIENT_ID: "redress",
  REDRESS_OIDC_CLIENT_SECRET: "a secret",
  REDRESS_OIDC_REDIRECT_URL: "https://complaints.example.org/sign-in/oidc/callback",
};

const problems = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("OpenID Connect settings", () => {
  it("are off when none is set, and all four together turn sign-in with an organisation account on", () => {
    expect(oidcSettings(loadConfig({}))).toBeUndefined();
    expect(oidcSettings(loadConfig(OIDC))).toEqual({
      issuer: OIDC.REDRESS_OIDC_ISSUER,
      clientId: "redress",
      clientSecret: "a secret",
      redirectUrl: OIDC.REDRESS_OIDC_REDIRECT_URL,
    });
  });

  it("list every problem at once: a missing partner setting, plain http, a wrong return address", () => {
    expect(
      problems({
        REDRESS_OIDC_ISSUER: "http://idp.example.org",
        REDRESS_OIDC_REDIRECT_URL: "https://complaints.example.org/callback",
        REDRESS_COOKIE_SECRET: "short",
      }),
    ).toEqual([
      "REDRESS_COOKIE_SECRET: must be at least 32 characters",
      "REDRESS_OIDC_ISSUER: must use https:// (http:// only for localhost)",
      "REDRESS_OIDC_REDIRECT_URL: must end with /sign-in/oidc/callback (Redress's sign-in return address)",
      expect.stringMatching(/^REDRESS_OIDC_CLIENT_ID: must be set too/),
      expect.stringMatching(/^REDRESS_OIDC_CLIENT_SECRET: must be set too/),
    ]);
    expect(problems({ ...OIDC, REDRESS_OIDC_ISSUER: "not a url" })).toEqual([
      "REDRESS_OIDC_ISSUER: must be the provider's issuer URL",
    ]);
  });

  it("allow plain http only on this machine (development and tests)", () => {
    const local = {
      ...OIDC,
      REDRESS_OIDC_ISSUER: "http://127.0.0.1:4000",
      REDRESS_OIDC_REDIRECT_URL: "http://localhost:3000/sign-in/oidc/callback",
    };
    expect(problems(local)).toEqual([]);
  });
});

describe("email settings", () => {
  it("are off when none is set: emails are kept, not sent", () => {
    expect(mailSettings(loadConfig({}))).toEqual({ smtpUrl: null, from: null, replyTo: null });
  });

  it("read the SMTP server, the sender (with or without a name) and where replies go", () => {
    const config = loadConfig({
      REDRESS_SMTP_URL: "smtp://redress:s3cret@mail.example.org:587",
      REDRESS_MAIL_FROM: "Complaints team <complaints@example.org>",
      REDRESS_MAIL_REPLY_TO: "replies@example.org",
    });
    expect(mailSettings(config)).toEqual({
      smtpUrl: "smtp://redress:s3cret@mail.example.org:587",
      from: { name: "Complaints team", address: "complaints@example.org" },
      replyTo: { name: "", address: "replies@example.org" },
    });
    expect(
      problems({ REDRESS_SMTP_URL: "smtps://mail.example.org", REDRESS_MAIL_FROM: "a@example.org" }),
    ).toEqual([]);
  });

  it("list every problem at once: not an SMTP address, no sender, addresses that are not one email address", () => {
    expect(
      problems({
        REDRESS_SMTP_URL: "https://mail.example.org",
        REDRESS_MAIL_REPLY_TO: "a@example.org, b@example.org",
      }),
    ).toEqual([
      "REDRESS_SMTP_URL: must start with smtp:// (STARTTLS when offered) or smtps:// (TLS from the start)",
      expect.stringMatching(/^REDRESS_MAIL_REPLY_TO: must be one email address/),
      "REDRESS_MAIL_FROM: must be set too: emails sent through REDRESS_SMTP_URL need a sender address",
    ]);
    expect(problems({ REDRESS_SMTP_URL: "mail.example.org", REDRESS_MAIL_FROM: "complaints" })).toEqual([
      "REDRESS_SMTP_URL: must be a URL like smtp://user:password@mail.example.org:587",
      expect.stringMatching(/^REDRESS_MAIL_FROM: must be one email address/),
    ]);
  });
});

describe("the public address (links emailed to residents)", () => {
  it("is this machine by default, and must be https:// anywhere else", () => {
    expect(loadConfig({}).REDRESS_PUBLIC_URL).toBe("http://localhost:3000");
    expect(loadConfig({ REDRESS_PUBLIC_URL: "https://complaints.example.org" }).REDRESS_PUBLIC_URL).toBe(
      "https://complaints.example.org",
    );
    expect(problems({ REDRESS_PUBLIC_URL: "http://complaints.example.org" })).toEqual([
      "REDRESS_PUBLIC_URL: must use https:// (http:// only for localhost)",
    ]);
    expect(problems({ REDRESS_PUBLIC_URL: "complaints" })).toEqual([
      "REDRESS_PUBLIC_URL: must be the public address of Redress, like https://complaints.example.org",
    ]);
  });
});

describe("the proxies believed about a visitor's address", () => {
  it("are none by default, so no one can choose the address the per-address limits count", () => {
    expect(trustedProxies(loadConfig({}))).toBe(false);
  });

  it("are a number of proxies in front, or their addresses and ranges", () => {
    const oneHop = trustedProxies(loadConfig({ REDRESS_TRUST_PROXY: "1" }));
    expect(typeof oneHop === "function" && [oneHop("10.0.0.1", 0), oneHop("10.0.0.2", 1)]).toEqual([
      true,
      false,
    ]);
    expect(trustedProxies(loadConfig({ REDRESS_TRUST_PROXY: "10.0.0.1, 10.0.1.0/24,::1" }))).toBe(
      "10.0.0.1, 10.0.1.0/24,::1",
    );
  });

  it("refuse anything else in words, including 'true' (which would believe every visitor)", () => {
    const message =
      "REDRESS_TRUST_PROXY: must be how many proxies are in front of Redress (like 1) or their addresses (like 10.0.0.1,10.0.1.0/24)";
    for (const value of ["true", "proxy.example.org", "10.0.0.1/33", "10.0.0.1,", "::1/129"]) {
      expect(problems({ REDRESS_TRUST_PROXY: value }), value).toEqual([message]);
    }
  });
});
