import { describe, expect, it } from "vitest";
import { vouchedEmail } from "./organisation-account.ts";

const TENANT = "2f1c1a9e-2b1e-4c1e-9a3e-5d6c7b8a9f00";
const ENTRA = `https://login.microsoftonline.com/${TENANT}/v2.0`;

describe("the email address a provider vouches for", () => {
  it("takes a verified email, in lower case", () => {
    expect(
      vouchedEmail({ email: "Asha.Patel@Example.org", email_verified: true }, "https://idp.example.org"),
    ).toEqual({
      ok: true,
      email: "asha.patel@example.org",
    });
    expect(
      vouchedEmail({ email: "a@example.org", email_verified: "true" }, "https://idp.example.org"),
    ).toMatchObject({
      ok: true,
    });
  });

  it("refuses an email the provider says is not verified, or says nothing about", () => {
    expect(
      vouchedEmail({ email: "a@example.org", email_verified: false }, "https://idp.example.org"),
    ).toEqual({
      ok: false,
      reason: "unverified",
    });
    expect(vouchedEmail({ email: "a@example.org" }, "https://idp.example.org").ok).toBe(false);
    expect(vouchedEmail({ email_verified: true }, "https://idp.example.org")).toEqual({
      ok: false,
      reason: "no-email",
    });
  });

  it("takes a Microsoft Entra ID member's email, or else their user principal name, from a single-tenant issuer", () => {
    expect(
      vouchedEmail(
        { tid: TENANT, email: "Asha@landlord.org", preferred_username: "ap1@landlord.org" },
        ENTRA,
      ),
    ).toEqual({
      ok: true,
      email: "asha@landlord.org",
    });
    expect(vouchedEmail({ tid: TENANT, preferred_username: "ap1@landlord.org" }, ENTRA)).toEqual({
      ok: true,
      email: "ap1@landlord.org",
    });
  });

  it("refuses Entra guests, other tenants and the multi-tenant issuers", () => {
    const claims = { tid: TENANT, email: "asha@landlord.org" };
    expect(vouchedEmail({ ...claims, idp: "https://sts.windows.net/another-tenant/" }, ENTRA).ok).toBe(false);
    expect(vouchedEmail({ ...claims, tid: "00000000-0000-0000-0000-000000000000" }, ENTRA).ok).toBe(false);
    expect(vouchedEmail(claims, "https://login.microsoftonline.com/common/v2.0").ok).toBe(false);
    expect(vouchedEmail(claims, "https://login.microsoftonline.com/organizations/v2.0").ok).toBe(false);
  });
});
