/**
 * The GOV.UK error summary's list for a portal form: one entry per problem, in the order of the questions on
 * the page, each linking to its field (`questions` pairs each error's key with the id to link to). Refused
 * files each get their own entry, linking to the file box.
 */
export function errorListOf(
  errors: Record<string, string>,
  questions: readonly [string, string][],
  fileErrors: readonly string[] = [],
): { text: string; href: string }[] {
  const list: { text: string; href: string }[] = [];
  const seen = new Set<string>();
  for (const [key, anchor] of questions) {
    if (key === "files") for (const text of fileErrors) list.push({ text, href: `#${anchor}` });
    const text = errors[key];
    if (text) list.push({ text, href: `#${anchor}` });
    seen.add(key);
  }
  for (const [key, text] of Object.entries(errors)) if (!seen.has(key)) list.push({ text, href: `#${key}` });
  return list;
}
