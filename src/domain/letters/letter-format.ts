/** How a letter reaches its recipient: by email, or printed and posted (in large print if asked). */
export type DeliveryFormat = "email" | "post" | "large-print";

/**
 * The format a letter goes in, from the resident's contact preferences (`letters`): what they asked for,
 * except that a letter cannot be emailed to someone with no email address, so it is posted instead. When
 * they said nothing, email if an address is known, otherwise post.
 */
export function letterFormat(
  preferences: Record<string, unknown> | undefined,
  email: string | null,
): DeliveryFormat {
  const asked = preferences?.letters;
  if (asked === "post" || asked === "large-print") return asked;
  return email ? "email" : "post";
}
