import type { IssuedLetter, RenderLetter } from "../../src/app/letter-contracts.ts";
import type { Services } from "../../src/app/services.ts";
import { escapeHtml } from "../../src/domain/notifications/email-content.ts";
import type { LetterDependencies } from "../../src/jobs/mail/prepared-message.ts";

/** An issued Stage 1 response as the letters part hands it over: every word decided. */
export function anIssuedLetter(over: Partial<IssuedLetter> & { organisationId: string }): IssuedLetter {
  const reference = over.reference ?? "BCHG-2026-000012";
  return {
    letterId: "5b0c7f2e-3a1d-4c55-9f1e-2d7a9b3c4e10",
    complaintId: "9d3e1c2b-7a4f-4e0d-8b6a-1f2e3d4c5b6a",
    reference,
    format: "email",
    to: {
      name: "Ada Resident",
      email: "ada@example.org",
      addressLines: ["1 High Street", "Bristol", "BS1 1AA"],
    },
    issuedAt: new Date("2026-11-09T10:00:00Z"),
    ...over,
    document: {
      kind: "stage1-response",
      language: "en-GB",
      title: `Complaint ${reference}: Stage 1 response`,
      landlord: { name: "Bristol Community Housing", addressLines: ["1 Quay Street", "Bristol"] },
      recipient: { name: "Ada Resident", addressLines: ["1 High Street", "Bristol", "BS1 1AA"] },
      date: "2026-11-09",
      reference,
      salutation: "Dear Ms Resident,",
      sections: [
        { id: "decision", heading: "Our decision", paragraphs: ["We uphold your complaint <in full>."] },
        { id: "ombudsman", heading: "The Housing Ombudsman", paragraphs: ["You can contact the Ombudsman."] },
      ],
      signOff: { closing: "Yours sincerely,", name: "Asha Patel", role: "Complaints manager" },
      ...over.document,
    },
  };
}

/** A small renderer with the real one's shape: HTML and text from the document, and PDF-looking bytes. */
export const testRenderLetter: RenderLetter = async (document, options) => {
  const paragraphs = document.sections.flatMap((s) => [s.heading, ...s.paragraphs]);
  return {
    html: `<!doctype html><html lang="en-GB"><head><title>${escapeHtml(document.title)}</title></head><body>${paragraphs
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join("")}</body></html>`,
    text: `${document.salutation}\n\n${paragraphs.join("\n\n")}\n`,
    pdf: Buffer.from(`%PDF-1.7\n% ${options.largePrint ? "large print " : ""}${document.title}\n%%EOF\n`),
  };
};

/** Letters found by id among those given, as `loadIssuedLetter` finds them in the database. */
export function lettersFrom(...letters: IssuedLetter[]): LetterDependencies {
  return {
    async loadIssuedLetter(_services: Services, organisationId: string, letterId: string) {
      const letter = letters.find((l) => l.organisationId === organisationId && l.letterId === letterId);
      if (!letter) throw new Error(`There is no letter ${letterId}.`);
      return letter;
    },
    renderLetter: testRenderLetter,
  };
}
