import { expect } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";

/**
 * Reading a PDF the way other software does: poppler-utils (Debian's `poppler-utils`; .ci/run installs
 * it) for the text, the document information, the fonts and the structure tree, and zlib for what
 * poppler does not print (the catalog's /Lang, /MarkInfo, the content streams' font sizes).
 */
export const popplerAvailable = existsSync("/usr/bin/pdftotext");

function withFile<T>(pdf: Buffer, read: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "redress-pdf-"));
  try {
    const path = join(dir, "letter.pdf");
    writeFileSync(path, pdf);
    return read(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** The text as `pdftotext` gives it (reading order), or with `-layout` (the page's layout kept). */
export function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): string {
  return withFile(pdf, (path) => run("pdftotext", [...(options.layout ? ["-layout"] : []), path, "-"]));
}

/** `pdfinfo` as a record: Title, Tagged, Pages, "PDF version", ... */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of withFile(pdf, (path) => run("pdfinfo", [path])).split("\n")) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) info[match[1].trim()] = match[2].trim();
  }
  return info;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** Every font the pages use, from `pdffonts`. */
export function pdfFonts(pdf: Buffer): PdfFont[] {
  const lines = withFile(pdf, (path) => run("pdffonts", [path]))
    .trimEnd()
    .split("\n")
    .slice(2);
  return lines.map((line) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object id, generation
    const match = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line.trim());
    if (!match) throw new Error(`unexpected pdffonts line: ${line}`);
    return { name: match[1] ?? "", type: match[2] ?? "", embedded: match[4] === "yes" };
  });
}

export interface StructureNode {
  type: string;
  depth: number;
}

/** The structure tree from `pdfinfo -struct`, in order, each element with its depth (0 = Document). */
export function pdfStructure(pdf: Buffer): StructureNode[] {
  const output = withFile(pdf, (path) => run("pdfinfo", ["-struct", path]));
  return output
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => ({
      type: line.trim().split(/\s+/)[0] ?? "",
      depth: (line.length - line.trimStart().length) / 2,
    }));
}

export interface Word {
  text: string;
  /** The page it is on, from 1. */
  page: number;
  /** Its box in points, from the page's top left corner. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  height: number;
}

/** Each word with its page and its box in points, from `pdftotext -bbox`. */
export function pdfWords(pdf: Buffer): Word[] {
  const xhtml = withFile(pdf, (path) => run("pdftotext", ["-bbox", path, "-"]));
  const words: Word[] = [];
  let page = 0;
  for (const match of xhtml.matchAll(
    /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (match[0] === "<page ") {
      page += 1;
      continue;
    }
    const [xMin, yMin, xMax, yMax] = [match[1], match[2], match[3], match[4]].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    words.push({ text: match[5] ?? "", page, xMin, xMax, yMin, yMax, height: yMax - yMin });
  }
  return words;
}

/**
 * The file as text with every Flate stream inflated in place, so dictionaries and content-stream
 * operators can be searched (pdfkit writes uncompressed dictionaries and Flate-compressed streams).
 */
export function inflatedPdf(pdf: Buffer): string {
  const latin1 = pdf.toString("latin1");
  const parts: string[] = [];
  let from = 0;
  // "endstream" followed by a line break is not the start of a stream.
  for (const match of latin1.matchAll(/(?<!end)stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = latin1.indexOf("endstream", start);
    if (match.index < from || end < 0) continue;
    parts.push(latin1.slice(from, start));
    const body = pdf.subarray(start, end);
    const dictionary = latin1.slice(latin1.lastIndexOf("obj", match.index), match.index);
    if (/\/Filter\s*\/FlateDecode/.test(dictionary)) {
      try {
        parts.push(inflateSync(body).toString("latin1"));
      } catch {
        parts.push(body.toString("latin1"));
      }
    } else {
      parts.push(body.toString("latin1"));
    }
    from = end;
  }
  parts.push(latin1.slice(from));
  return parts.join("");
}

/** Every font size set in the content streams (`/F1 18 Tf`). */
export function fontSizes(pdf: Buffer): number[] {
  return [...inflatedPdf(pdf).matchAll(/\/F\d+\s+([\d.]+)\s+Tf/g)].map((match) => Number(match[1]));
}

/** The catalog dictionary (`/Type /Catalog`), as written. */
export function pdfCatalog(pdf: Buffer): string {
  const text = pdf.toString("latin1");
  const at = text.indexOf("/Type /Catalog");
  if (at < 0) throw new Error("no catalog found");
  return text.slice(text.lastIndexOf(" obj", at), text.indexOf("endobj", at));
}

/** The object a reference like `12 0 R` points to, as written (uncompressed dictionaries only). */
export function pdfObject(pdf: Buffer, reference: string): string {
  const id = /^(\d+) 0 R$/.exec(reference.trim())?.[1];
  if (!id) throw new Error(`not a reference: ${reference}`);
  const text = pdf.toString("latin1");
  const start = text.search(new RegExp(`(^|\\n)${id} 0 obj`));
  if (start < 0) throw new Error(`object ${id} not found`);
  return text.slice(start, text.indexOf("endobj", start));
}

/** `pdfinfo -struct-text`: the structure tree with each element's attributes and the text it holds, as printed. */
export function pdfStructureText(pdf: Buffer): string {
  return withFile(pdf, (path) => run("pdfinfo", ["-struct-text", path]));
}

/** The images `pdfimages -list` finds (none when everything is drawn as vector graphics and text). */
export function pdfImageCount(pdf: Buffer): number {
  return withFile(pdf, (path) => run("pdfimages", ["-list", path]))
    .trimEnd()
    .split("\n")
    .slice(2).length;
}

/** A page number line ("Page 2 of 3"): an artifact on every page, not part of what is read. */
export const PAGE_NUMBER = /^Page \d+ of \d+$/;

/** `pdftotext`'s reading order as one line of words, without the page numbers. */
export function readingText(pdf: Buffer): string {
  return pdfText(pdf)
    .split("\n")
    .filter((line) => !PAGE_NUMBER.test(line.trim()))
    .join(" ")
    .replace(/\s+/g, " ");
}

/** The text of a tagged PDF in its structure's order (a table row by row, as a screen reader reads it), on one line. */
export function taggedText(pdf: Buffer): string {
  return [...pdfStructureText(pdf).matchAll(/^\s*"(.*)"$/gm)]
    .map((m) => m[1])
    .join(" ")
    .replace(/\s+/g, " ");
}

/** Each part appears in the text, after the one before it. */
export function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}
