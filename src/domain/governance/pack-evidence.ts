import type { StageNumber } from "../policy/code-2024.ts";
import type { LetterKind, PolicyPack, StagePolicy } from "../policy/schema.ts";

/** A line of evidence from the policy pack in force, with the clause of the landlord's document it rests on. */
export interface PackEvidence {
  text: string;
  cite?: string;
  /** False where the pack shows a gap rather than support (no such stage, no such letter). */
  available: boolean;
}

const words = (s: string) => s.replace(/-/g, " ");
const list = (xs: readonly string[]) => xs.map(words).join(", ");
const START: Record<string, string> = {
  receipt: "receipt",
  logging: "logging",
  acknowledgement: "acknowledgement",
  "escalation-request": "the request to escalate",
};

function stageEvidence(pack: PolicyPack, n: StageNumber, part: string): PackEvidence[] {
  const stage: StagePolicy | undefined = pack.stages[n - 1];
  if (!stage)
    return [
      { text: `The policy has no Stage ${n}; Redress runs the Code's minimum for it.`, available: false },
    ];
  const named = `Stage ${n} (${stage.name})`;
  switch (part) {
    case "acknowledgement":
      return [
        {
          text: `${named}: acknowledged within ${stage.acknowledgement.workingDays} working days of ${START[stage.acknowledgement.from]}.`,
          cite: stage.acknowledgement.cite.ref,
          available: true,
        },
      ];
    case "response":
      return [
        {
          text: `${named}: response within ${stage.response.workingDays} working days of ${START[stage.response.from]}.`,
          cite: stage.response.cite.ref,
          available: true,
        },
      ];
    case "extension":
      return [
        {
          text: `${named}: extensions of up to ${stage.extension.maxWorkingDays} working days in all, when: ${stage.extension.when}`,
          cite: stage.extension.cite.ref,
          available: true,
        },
      ];
    default: {
      const h = stage.handler;
      const independent = h.excludesEarlierHandler
        ? "not the person who handled Stage 1"
        : "the policy does not rule out the Stage 1 handler";
      const panel = h.panel ? ` ${h.panel}.` : "";
      return [
        {
          text: `${named} is handled by ${h.role}; ${independent}.${panel}`,
          cite: h.cite.ref,
          available: true,
        },
      ];
    }
  }
}

function letterEvidence(pack: PolicyPack, kind: LetterKind): PackEvidence[] {
  const name = kind.replace(/^stage(\d)/, "Stage $1").replace(/-/g, " ");
  const letter = pack.letters.find((l) => l.kind === kind);
  if (!letter)
    return [{ text: `The policy says nothing about what the ${name} letter contains.`, available: false }];
  return [
    {
      text: `The ${name} letter contains: ${letter.mustContain.join("; ")}.`,
      cite: letter.cite.ref,
      available: true,
    },
  ];
}

/** What the pack says for a `pack:<part>` evidence hook. */
export function packEvidence(pack: PolicyPack, part: string): PackEvidence[] {
  const stagePart = /^stage([12])-(acknowledgement|response|extension|handler)$/.exec(part);
  if (stagePart) return stageEvidence(pack, Number(stagePart[1]) as StageNumber, stagePart[2] ?? "");
  if (part.startsWith("letters-")) return letterEvidence(pack, part.slice("letters-".length) as LetterKind);
  switch (part) {
    case "source":
      return [
        {
          text: `${pack.title} (${pack.landlord}), pack ${pack.id} version ${pack.version}, in force from ${pack.effectiveFrom}.`,
          available: true,
        },
      ];
    case "definition":
      return [
        {
          text: `The policy defines a complaint as: "${pack.definition.text}"`,
          cite: pack.definition.cite.ref,
          available: true,
        },
      ];
    case "channels":
      return [
        { text: `Channels: ${list(pack.channels.values)}.`, cite: pack.channels.cite.ref, available: true },
      ];
    case "representatives": {
      const r = pack.representatives;
      const text = r.allowed
        ? `Representatives may complain for a resident: ${r.authority}`
        : "The policy does not allow representatives.";
      return [{ text, cite: r.cite.ref, available: r.allowed }];
    }
    case "early-resolution": {
      const e = pack.earlyResolution;
      if (!e)
        return [
          { text: "The policy has no early resolution before a complaint is logged.", available: true },
        ];
      const when =
        e.windowWorkingDays === 0 ? "there and then" : `within ${e.windowWorkingDays} working days`;
      return [
        {
          text: `${e.name}: resolved ${when}, before a complaint is logged (never a stage).`,
          cite: e.cite.ref,
          available: true,
        },
      ];
    }
    case "stages":
      return [
        {
          text: `${pack.stages.length} stage${pack.stages.length === 1 ? "" : "s"}: ${pack.stages.map((s) => s.name).join("; ")}.`,
          available: pack.stages.length === 2,
        },
      ];
    case "exclusions":
      return pack.exclusions.length
        ? [
            {
              text: `Grounds for not accepting a complaint: ${pack.exclusions.map((e) => e.ground).join("; ")}.`,
              available: true,
            },
          ]
        : [{ text: "The policy lists no grounds for not accepting a complaint.", available: false }];
    case "age-limit": {
      const limits = pack.exclusions.flatMap((e) =>
        e.ageLimit ? [{ ...e.ageLimit, ground: e.ground }] : [],
      );
      if (!limits.length) return [{ text: "The policy sets no age limit for complaints.", available: true }];
      return limits.map((l) => ({
        text: `Age limit: ${l.months} months from ${l.measuredFrom === "issue" ? "the issue" : "the later of the issue and awareness"}; discretion ${l.discretion ? "kept" : "not mentioned"}${l.exceptions.length ? `; never for ${l.exceptions.join(", ")}` : ""}.`,
        cite: l.cite.ref,
        available: true,
      }));
    }
    case "escalation": {
      const e = pack.escalation;
      const window = e.window
        ? `a window of ${e.window.days} ${words(e.window.unit)} to ask${e.discretion ? ", with discretion for late requests" : ""}`
        : "no window to ask";
      const grounds = e.groundsRequired ? "; the resident is asked for grounds" : "; no reason needed";
      return [{ text: `Escalation: ${window}${grounds}.`, cite: e.cite.ref, available: true }];
    }
    case "risk-filter": {
      const r = pack.riskFilter;
      if (!r) return [{ text: "The policy has no health-and-safety risk filter.", available: false }];
      return [
        {
          text: `Risk filter: ${r.description} (within ${r.windowHours} hours; ${r.responsibility}).`,
          cite: r.cite.ref,
          available: true,
        },
      ];
    }
    case "remedies":
      return [
        { text: `Remedies: ${list(pack.remedies.types)}.`, cite: pack.remedies.cite.ref, available: true },
      ];
    case "signposting":
      return pack.signposting.map((s) => ({
        text: `${words(s.body)}: ${s.when} (${s.contact})`,
        cite: s.cite.ref,
        available: s.body === "housing-ombudsman",
      }));
    case "reporting":
      return pack.reporting.length
        ? pack.reporting.map((r) => ({
            text: `${r.audience}, ${r.cadence}: ${r.what}`,
            cite: r.cite.ref,
            available: true,
          }))
        : [{ text: "The policy says nothing about reporting on complaints.", available: false }];
    default:
      return [];
  }
}
