import { describe, expect, it } from "vitest";
import { aStage1ResponseLetter } from "../../test/support/letter-documents.ts";
import { expectInOrder } from "../../test/support/pdf-tools.ts";
import type { LetterDocument } from "../domain/letters/letter-document.ts";
import { renderLetter } from "./letter-renderer.ts";

/** What autoescaping turns text into (nunjucks escapes these five characters). */
function escaped(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** `text` as a regular expression that matches only itself. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Asserts that each of `parts` occurs in `text`, each after the one before. */

/** Every word of the letter in reading order, as plain strings. */
function partsInReadingOrder(letter: LetterDocument): string[] {
  return [
    letter.landlord.name,
    ...letter.landlord.addressLines,
    letter.recipient.name,
    ...letter.recipient.addressLines,
    "Friday 20 November 2026",
    letter.reference,
    letter.title,
    letter.salutation,
    ...letter.sections.flatMap((section) => [
      section.heading,
      ...section.paragraphs,
      ...(section.items ?? []),
    ]),
    letter.signOff.closing,
    letter.signOff.name,
    letter.signOff.role,
  ];
}

const hostile = aStage1ResponseLetter({
  title: 'Complaint <i>X</i> & "Y"',
  recipient: { name: '<script>alert("owned")</script> Okafor', addressLines: ["<b>Flat 4</b>", "B12 9QP"] },
  sections: [
    {
      id: "definition",
      heading: "Your <em>complaint</em>",
      paragraphs: ["The <b>leak</b> & the <img src=x onerror=alert(1)> damp."],
      items: ["<a href='https://example.org'>a link</a>"],
    },
  ],
});

describe("renderLetter: HTML", () => {
  it("is a complete document in British English with the letter's title", async () => {
    const letter = aStage1ResponseLetter();
    const { html } = await renderLetter(letter, { largePrint: false });
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="en-GB">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<title>${escaped(letter.title)}</title>`);
    expect(html.trimEnd()).toMatch(/<\/body>\s*<\/html>$/);
  });

  it("has no scripts and fetches nothing (no links, images or external styles)", async () => {
    const { html } = await renderLetter(aStage1ResponseLetter(), { largePrint: false });
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
  });

  it("has one h1 (the title) and an h2 per section, in the letter's order", async () => {
    const letter = aStage1ResponseLetter();
    const { html } = await renderLetter(letter, { largePrint: false });
    const headings = [...html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g)].map((m) => `h${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      `h1 ${escaped(letter.title)}`,
      ...letter.sections.map((section) => `h2 ${escaped(section.heading)}`),
    ]);
  });

  it("shows every part of the letter in reading order, paragraphs as paragraphs and lists as lists", async () => {
    const letter = aStage1ResponseLetter();
    const { html } = await renderLetter(letter, { largePrint: false });
    expectInOrder(html, partsInReadingOrder(letter).map(escaped));
    for (const section of letter.sections) {
      for (const paragraph of section.paragraphs)
        expect(html).toMatch(new RegExp(`<p[^>]*>${literal(escaped(paragraph))}</p>`));
      for (const item of section.items ?? [])
        expect(html).toMatch(new RegExp(`<li[^>]*>${literal(escaped(item))}</li>`));
    }
    const lists = [...html.matchAll(/<ul[^>]*>([\s\S]*?)<\/ul>/g)];
    expect(lists).toHaveLength(letter.sections.filter((s) => s.items?.length).length);
    expect(html).toMatch(
      /<address[^>]*><strong>Bright Crescent Housing Group<\/strong><br>Crescent House<br>/,
    );
  });

  it("shows HTML typed into any field as text", async () => {
    const { html } = await renderLetter(hostile, { largePrint: false });
    expect(html).toContain("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; Okafor");
    expect(html).toContain("&lt;b&gt;Flat 4&lt;/b&gt;");
    expect(html).toContain("The &lt;b&gt;leak&lt;/b&gt; &amp; the &lt;img src=x onerror=alert(1)&gt; damp.");
    expect(html).toContain("<title>Complaint &lt;i&gt;X&lt;/i&gt; &amp; &quot;Y&quot;</title>");
    expect(html).toContain("Your &lt;em&gt;complaint&lt;/em&gt;");
    expect(html).toContain("&lt;a href=&#39;https://example.org&#39;&gt;a link&lt;/a&gt;");
    expect(html).not.toMatch(/<script|<b>|<i>|<em>|<img|<a /);
  });

  it("keeps a paragraph's own line breaks", async () => {
    const letter = aStage1ResponseLetter({
      sections: [
        { id: "ombudsman", heading: "The Housing Ombudsman", paragraphs: ["PO Box 152\nLiverpool <L33>"] },
      ],
    });
    const { html } = await renderLetter(letter, { largePrint: false });
    expect(html).toMatch(/<p[^>]*>PO Box 152<br>Liverpool &lt;L33&gt;<\/p>/);
  });

  it("sets standard print in 12 pt and large print at 16 pt or more throughout", async () => {
    const sizes = (html: string) => [...html.matchAll(/font-size:\s*([\d.]+)pt/g)].map((m) => Number(m[1]));
    const standard = sizes((await renderLetter(aStage1ResponseLetter(), { largePrint: false })).html);
    const large = sizes((await renderLetter(aStage1ResponseLetter(), { largePrint: true })).html);
    expect(Math.min(...standard)).toBe(12);
    expect(large.length).toBeGreaterThan(10);
    expect(Math.min(...large)).toBeGreaterThanOrEqual(16);
    expect((await renderLetter(aStage1ResponseLetter(), { largePrint: true })).html).toMatch(
      /<body style="[^"]*font-size:18pt;line-height:1.5/,
    );
  });
});

describe("renderLetter: plain text", () => {
  it("has every part of the letter in reading order, the title and headings underlined, items as dashes", async () => {
    const letter = aStage1ResponseLetter();
    const { text } = await renderLetter(letter, { largePrint: false });
    expectInOrder(text, partsInReadingOrder(letter));
    expect(text).toContain(`${letter.title}\n${"=".repeat(letter.title.length)}\n`);
    expect(text).toContain("What we found\n-------------\n");
    expect(text).toContain("- Two repair appointments were missed without notice, on 9 and 23 September.\n");
    expect(text).toContain("Our reference: BCHG-2026-000012");
  });

  it("keeps HTML typed into a field exactly as typed", async () => {
    const { text } = await renderLetter(hostile, { largePrint: false });
    expect(text).toContain('<script>alert("owned")</script> Okafor');
    expect(text).toContain("The <b>leak</b> & the <img src=x onerror=alert(1)> damp.");
    expect(text).not.toContain("&lt;");
  });
});
