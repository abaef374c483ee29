import { describe, expect, it } from "vitest";
import { aLongLetter, aStage1ResponseLetter } from "../../../test/support/letter-documents.ts";
import {
  expectInOrder,
  fontSizes,
  inflatedPdf,
  pdfCatalog,
  pdfFonts,
  pdfInfo,
  PAGE_NUMBER,
  pdfObject,
  pdfStructure,
  pdfText,
  pdfWords,
  popplerAvailable,
  readingText,
} from "../../../test/support/pdf-tools.ts";
import type { LetterDocument } from "../../domain/letters/letter-document.ts";
import { renderLetterPdf } from "./pdf.ts";

// poppler-utils reads the PDFs; .ci/run installs it, so in CI these tests always run.
const run = popplerAvailable || process.env.CI ? describe : describe.skip;

function partsInReadingOrder(letter: LetterDocument): string[] {
  return [
    letter.landlord.name,
    ...letter.landlord.addressLines,
    letter.recipient.name,
    ...letter.recipient.addressLines,
    "Friday 20 November 2026",
    `Our reference: ${letter.reference}`,
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

run("renderLetterPdf", () => {
  it("is tagged, titled, A4, PDF 1.7, with its language, and identifies itself as PDF/UA", async () => {
    const letter = aStage1ResponseLetter();
    const pdf = await renderLetterPdf(letter, { largePrint: false });
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({
      Title: letter.title,
      Author: "Bright Crescent Housing Group",
      Tagged: "yes",
      "PDF version": "1.7",
      "Page size": "595.28 x 841.89 pts (A4)",
    });
    const catalog = pdfCatalog(pdf);
    expect(catalog).toContain("/Lang (en-GB)");
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(pdfObject(pdf, /\/MarkInfo (\d+ 0 R)/.exec(catalog)![1]!)).toContain("/Marked true");
    expect(pdfObject(pdf, /\/ViewerPreferences (\d+ 0 R)/.exec(catalog)![1]!)).toContain(
      "/DisplayDocTitle true",
    );
    const metadata = inflatedPdf(pdf);
    expect(metadata).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(metadata).toContain(`<rdf:li xml:lang="x-default">${letter.title}</rdf:li>`);
  });

  it("embeds its fonts (DejaVu Sans, regular and bold) and uses no other", async () => {
    const fonts = pdfFonts(await renderLetterPdf(aStage1ResponseLetter(), { largePrint: false }));
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual([
      "DejaVuSans",
      "DejaVuSans-Bold",
    ]);
    expect(fonts.every((font) => font.embedded && font.type === "CID TrueType")).toBe(true);
  });

  it("has a structure tree: Document, then H1, a Sect per section with its H2, paragraphs and list items", async () => {
    const letter = aStage1ResponseLetter();
    const structure = pdfStructure(await renderLetterPdf(letter, { largePrint: false }));
    expect(structure[0]).toEqual({ type: "Document", depth: 0 });
    const outline = structure
      .filter((node) => ["H1", "H2", "L", "LI"].includes(node.type))
      .map((node) => node.type);
    expect(outline).toEqual([
      "H1",
      ...letter.sections.flatMap((section) => [
        "H2",
        ...(section.items?.length ? ["L", ...section.items.map(() => "LI")] : []),
      ]),
    ]);
    const sections = structure.filter((node) => node.type === "Sect");
    expect(sections).toHaveLength(letter.sections.length);
    // Each Sect holds its H2 first, then its paragraphs (P) and list (L → LI → Lbl, LBody).
    const firstSect = structure.findIndex((node) => node.type === "Sect");
    expect(structure.slice(firstSect, firstSect + 9).map((n) => `${n.depth}${n.type}`)).toEqual([
      "1Sect",
      "2H2",
      "2P",
      "2P",
      "2L",
      "3LI",
      "4Lbl",
      "4LBody",
      "3LI",
    ]);
    expect(structure.filter((node) => node.type === "P").length).toBeGreaterThan(15);
  });

  it("reads, in pdftotext, every part of the letter in reading order", async () => {
    const letter = aStage1ResponseLetter();
    const pdf = await renderLetterPdf(letter, { largePrint: false });
    expectInOrder(readingText(pdf), partsInReadingOrder(letter));
    expectInOrder(pdfText(pdf, { layout: true }).replace(/\s+/g, " "), [
      letter.landlord.name,
      letter.recipient.name,
      letter.title,
      ...letter.sections.map((section) => section.heading),
      letter.signOff.name,
    ]);
  });

  it("shows HTML typed into a field literally, and escapes it in the XMP metadata", async () => {
    const letter = aStage1ResponseLetter({
      title: "Complaint <i>BCHG</i> & more",
      landlord: { name: "Smith & Sons <Housing>", addressLines: ["1 High Street"] },
      recipient: { name: '<script>alert("x")</script> Okafor', addressLines: ["<b>Flat 4</b>"] },
      sections: [
        { id: "findings", heading: "What <em>we</em> found", paragraphs: ["The <b>leak</b> & the damp."] },
      ],
    });
    const pdf = await renderLetterPdf(letter, { largePrint: false });
    expectInOrder(readingText(pdf), partsInReadingOrder(letter));
    expect(pdfInfo(pdf)).toMatchObject({ Title: letter.title, Author: "Smith & Sons <Housing>" });
    const metadata = /<x:xmpmeta[\s\S]*<\/x:xmpmeta>/.exec(inflatedPdf(pdf))![0];
    expect(metadata).toContain("<rdf:li>Smith &amp; Sons &lt;Housing&gt;</rdf:li>");
    expect(metadata).toContain("Complaint &lt;i&gt;BCHG&lt;/i&gt; &amp; more");
    expect(metadata).not.toMatch(/<Housing>|<i>/);
  });

  it("draws names in Welsh, Polish, Romanian, Greek and Cyrillic letters with the embedded font", async () => {
    const names = "Mr Wŷn Ŵyn, Łukasz Wąż, Ștefan Țăran, Ελένη Παπαδοπούλου, Дмитрий Иванов";
    const pdf = await renderLetterPdf(aStage1ResponseLetter({ salutation: `Dear ${names},` }), {
      largePrint: false,
    });
    expect(readingText(pdf)).toContain(`Dear ${names},`);
  });

  it("runs a long letter over numbered pages, losing no text and keeping every heading with what follows", async () => {
    const letter = aLongLetter(30);
    const pdf = await renderLetterPdf(letter, { largePrint: false });
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThan(3);
    const pageTexts = pdfText(pdf).split("\f").slice(0, pages);
    pageTexts.forEach((text, index) => {
      const lines = text.split("\n").filter((line) => line.trim() !== "");
      expect(lines.at(-1)).toBe(`Page ${index + 1} of ${pages}`);
      expect(lines.filter((line) => PAGE_NUMBER.test(line))).toHaveLength(1);
      // A heading is never the last thing on a page.
      expect(lines.at(-2)).not.toMatch(/^Part \d+ of the findings$/);
    });
    expectInOrder(readingText(pdf), partsInReadingOrder(letter));
    const structure = pdfStructure(pdf);
    expect(structure.filter((node) => node.type === "H2")).toHaveLength(30);
    expect(structure.filter((node) => node.type === "LI")).toHaveLength(60);
  });

  it("sets large print at 18 pt (never below 16 pt), standard print at 12 pt", async () => {
    const large = await renderLetterPdf(aStage1ResponseLetter(), { largePrint: true });
    const standard = await renderLetterPdf(aStage1ResponseLetter(), { largePrint: false });
    expect(Math.min(...fontSizes(large))).toBe(18);
    expect(Math.min(...fontSizes(standard))).toBe(12);
    // What a reader sees: every word's box is at least 16 points tall in large print, not in standard.
    expect(Math.min(...pdfWords(large).map((word) => word.height))).toBeGreaterThanOrEqual(16);
    expect(Math.min(...pdfWords(standard).map((word) => word.height))).toBeLessThan(16);
    expect(Number(pdfInfo(large).Pages)).toBeGreaterThan(Number(pdfInfo(standard).Pages));
  });

  it("gives the same bytes for the same letter, dated the letter's date", async () => {
    const letter = aStage1ResponseLetter();
    const first = await renderLetterPdf(letter, { largePrint: false });
    const second = await renderLetterPdf(structuredClone(letter), { largePrint: false });
    expect(first.equals(second)).toBe(true);
    expect(pdfInfo(first).CreationDate).toMatch(/Nov 20 .*2026/);
  });

  it("renders letters at the same time (sharing the parsed fonts) exactly as one at a time", async () => {
    const short = aStage1ResponseLetter();
    const long = aLongLetter(10);
    const alone = [
      await renderLetterPdf(short, { largePrint: false }),
      await renderLetterPdf(long, { largePrint: true }),
    ];
    const together = await Promise.all([
      renderLetterPdf(short, { largePrint: false }),
      renderLetterPdf(long, { largePrint: true }),
    ]);
    expect(together[0]!.equals(alone[0]!)).toBe(true);
    expect(together[1]!.equals(alone[1]!)).toBe(true);
  });
});
