import type { ComplaintState } from "../complaint/state.ts";
import { aComplaintHistory } from "../complaint/test-history-builder.ts";
import {
  aRemedy,
  anAction,
  englandAndWales,
  ISSUES,
  notUpheld,
  packFor,
  upheld,
} from "../complaint/test-builders.ts";
import type { StageNumber } from "../policy/code-2024.ts";
import type { LetterKind } from "../policy/schema.ts";
import { DEFAULT_TEMPLATES } from "./default-templates.ts";
import { draftLetterDocument } from "./draft-letter.ts";
import type { LetterDocument } from "./letter-document.ts";
import type { LetterFacts } from "./letter-facts.ts";
import { letterFactsFor, type LetterParties } from "./letter-facts-from-case.ts";

// Letters drafted from real histories under the bundled packs, for the letters' unit tests.

export const RESIDENT: NonNullable<LetterParties["resident"]> = {
  name: "Ms Esther Okafor",
  email: "esther@example.org",
  address: "12 Oak Road, Smethwick",
  postcode: "B66 1AA",
};

export const PARTIES: LetterParties = {
  organisation: { name: "Example Homes", addressLines: ["1 High Street", "Birmingham", "B1 1AA"] },
  resident: RESIDENT,
  representative: null,
};

export const REPRESENTED: LetterParties = {
  ...PARTIES,
  representative: { name: "Cllr Sam Adviser", email: null },
};

function stage1(): ReturnType<typeof aComplaintHistory> {
  return aComplaintHistory()
    .receivedOn("2026-11-02")
    .definedOn("2026-11-02")
    .handlerAssignedOn("2026-11-02", "Hana Handler")
    .acknowledgedOn("2026-11-03");
}

function answered(): ReturnType<typeof aComplaintHistory> {
  return stage1().respondedOn("2026-11-09", 1, {
    findings: [upheld(ISSUES[0]!.id, "The repair was booked late."), notUpheld(ISSUES[1]!.id)],
    outcome: "partially-upheld",
    remedies: [aRemedy("apology", "apology", { description: "We apologise for the delay" })],
    actions: [anAction("roof", "2026-11-30", { description: "Repair the roof", owner: "Repairs team" })],
  });
}

function atStage2(): ReturnType<typeof aComplaintHistory> {
  return answered()
    .escalationRequestedOn("2026-11-10")
    .handlerAssignedOn("2026-11-10", "Rita Reviewer")
    .definedOn("2026-11-10")
    .acknowledgedOn("2026-11-11");
}

/** A history that leads to a letter of each kind, and the stage the letter is about. */
export const HISTORIES: Record<LetterKind, () => { state: ComplaintState; stage: StageNumber }> = {
  "stage1-acknowledgement": () => ({ state: stage1().fold(), stage: 1 }),
  "stage2-acknowledgement": () => ({ state: atStage2().fold(), stage: 2 }),
  extension: () => ({ state: stage1().extendedOn("2026-11-10", 5).fold(), stage: 1 }),
  "stage1-response": () => ({ state: answered().fold(), stage: 1 }),
  "stage2-response": () => ({
    state: atStage2()
      .respondedOn("2026-11-20", 2, {
        findings: [upheld(ISSUES[0]!.id, "The roof is still leaking."), upheld(ISSUES[1]!.id)],
        outcome: "upheld",
        remedies: [
          aRemedy("money", "financial", { description: "For the missed visits", amountPence: 15000 }),
        ],
        actions: [],
      })
      .fold(),
    stage: 2,
  }),
  refusal: () => ({ state: stage1().refusedOn("2026-11-04", "legal-proceedings").fold(), stage: 1 }),
  "closure-survey": () => ({ state: answered().closedOn("2026-12-01").fold(), stage: 1 }),
};

export function factsFor(
  kind: LetterKind,
  options: { packId?: string; parties?: LetterParties; state?: ComplaintState; today?: string } = {},
): LetterFacts {
  const history = HISTORIES[kind]();
  return letterFactsFor({
    kind,
    stage: history.stage,
    reference: "EX-2026-000012",
    state: options.state ?? history.state,
    pack: packFor(options.packId ?? "hos-code-2024"),
    calendar: englandAndWales(),
    parties: options.parties ?? PARTIES,
    today: options.today ?? "2026-12-02",
  });
}

/** A letter of a kind drafted from the bundled default template. */
export function draftOf(
  kind: LetterKind,
  options: Parameters<typeof factsFor>[1] = {},
): {
  document: LetterDocument;
  facts: LetterFacts;
} {
  const facts = factsFor(kind, options);
  return { document: draftLetterDocument(DEFAULT_TEMPLATES[kind], facts), facts };
}

/** The letter's whole text, for assertions about what it says. */
export function textOf(document: LetterDocument): string {
  return document.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...(s.items ?? [])]).join("\n");
}

export function sectionText(document: LetterDocument, id: string): string {
  const s = document.sections.find((x) => x.id === id);
  return s ? [s.heading, ...s.paragraphs, ...(s.items ?? [])].join("\n") : "";
}
