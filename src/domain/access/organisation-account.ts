/** What an OpenID provider said about the person signing in: the ID token's claims (and userinfo's, if asked). */
export type IdentityClaims = Readonly<Record<string, unknown>>;

export type VouchedEmail = { ok: true; email: string } | { ok: false; reason: "unverified" | "no-email" };

/** A Microsoft Entra ID issuer for one tenant (not `common`, `organizations` or `consumers`). */
const ENTRA_TENANT_ISSUER =
  /^https:\/\/login\.microsoftonline\.com\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/v2\.0$/i;

function emailOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const email = value.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/**
 * The email address the provider vouches for, used once: to link an organisation account to the staff
 * account an administrator made with that address. Linking on an address the person could set themselves
 * would let anyone who can write any address into their profile take over that account, so:
 *
 * - A provider that sends `email_verified` (most do) must send `true`, and the `email` claim is used.
 * - Microsoft Entra ID sends no `email_verified`. Its claims are accepted only from a single-tenant issuer
 *   (`https://login.microsoftonline.com/<tenant id>/v2.0`, whose token carries the same `tid`), and only for
 *   the tenant's own members (no `idp` claim: a guest's `idp` names their home provider, which vouches for
 *   nothing here). A member's `email` and `preferred_username` (the user principal name, on one of the
 *   tenant's verified domains) are set by the landlord's own directory administrators, not by the person.
 *   `email` is used, else `preferred_username`.
 * - Any other provider that says nothing about verification is refused: configure it to send
 *   `email_verified`.
 */
export function vouchedEmail(claims: IdentityClaims, issuer: string): VouchedEmail {
  const verified = claims.email_verified;
  if (verified !== undefined) {
    // Some providers send the JSON string "true".
    if (verified !== true && verified !== "true") return { ok: false, reason: "unverified" };
    const email = emailOf(claims.email);
    return email ? { ok: true, email } : { ok: false, reason: "no-email" };
  }
  const tenant = ENTRA_TENANT_ISSUER.exec(issuer)?.[1];
  const member = tenant !== undefined && claims.tid === tenant && (claims.idp ?? issuer) === issuer;
  if (!member) return { ok: false, reason: "unverified" };
  const email = emailOf(claims.email) ?? emailOf(claims.preferred_username);
  return email ? { ok: true, email } : { ok: false, reason: "no-email" };
}
