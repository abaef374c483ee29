import type { ComplaintCommand } from "../domain/complaint/commands.ts";
import type { Channel } from "../domain/policy/schema.ts";

/** A small seeded generator (mulberry32): the same seed always gives the same demo data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export const DEMO_CATEGORIES = {
  "damp-and-mould": [
    "Black mould has come back in the bedroom since the last treatment",
    "Condensation and mould on every window",
  ],
  repairs: [
    "The boiler repair was booked three times and nobody came",
    "The kitchen tap has leaked for two months",
  ],
  "anti-social-behaviour": [
    "Noise from the flat above every night was reported and nothing happened",
    "Drug dealing in the stairwell",
  ],
  leaks: ["Water coming through the bathroom ceiling from the flat above", "Roof leak over the landing"],
  "staff-conduct": [
    "The officer was rude to me on the phone",
    "A contractor left my home in a mess and was dismissive",
  ],
  "estate-management": ["Communal bins not emptied for three weeks", "Grass cutting missed all summer"],
  "rent-and-charges": [
    "I was charged for a repair that was the landlord's responsibility",
    "My service charge statement is wrong",
  ],
} as const;
export type DemoCategory = keyof typeof DEMO_CATEGORIES;

export const DEMO_CHANNELS: readonly Channel[] = [
  "phone",
  "email",
  "web-form",
  "letter",
  "in-person",
  "social-media",
];

export const DEMO_NAMES = [
  "Amira Hussain",
  "Ben Clarke",
  "Chloe Evans",
  "Dariusz Nowak",
  "Esther Okafor",
  "Frank Taylor",
  "Grace Patel",
  "Harjit Singh",
  "Ifeoma Adeyemi",
  "Jack Murphy",
  "Kate Williams",
  "Liam O'Brien",
  "Maryam Ali",
  "Noah Green",
] as const;

export const DEMO_HANDLERS = ["Asha Patel", "Tom Reilly", "Nina Kowalska"] as const;
export const DEMO_REVIEWERS = ["Director Sam Okafor", "Director Helen Price"] as const;

/** How far a demo complaint has got: each scenario is a list of steps, days apart in working days. */
export type Scenario =
  | "awaiting-acknowledgement"
  | "investigating"
  | "extended"
  | "overdue"
  | "responded-upheld"
  | "closed"
  | "stage2-open"
  | "stage2-closed"
  | "refused"
  | "withdrawn"
  | "hazard";

export const SCENARIOS: readonly Scenario[] = [
  "awaiting-acknowledgement",
  "investigating",
  "investigating",
  "extended",
  "overdue",
  "responded-upheld",
  "closed",
  "closed",
  "closed",
  "stage2-open",
  "stage2-closed",
  "refused",
  "withdrawn",
  "hazard",
];

/** A step: how many working days after the previous one it happens, and the command (given its date). */
export interface Step {
  after: number;
  command: (on: string) => ComplaintCommand;
}

const ISSUE = (summary: string) => [{ id: "1", summary }];

export function scenarioSteps(
  scenario: Scenario,
  summary: string,
  handler: string,
  reviewer: string,
): Step[] {
  const define: Step = {
    after: 0,
    command: (on) => ({
      type: "define",
      on,
      stage: 1,
      issues: ISSUE(summary),
      outcomesSought: ["Put it right", "An apology"],
    }),
  };
  const assign: Step = { after: 0, command: (on) => ({ type: "assign-handler", on, stage: 1, handler }) };
  const ack: Step = { after: 2, command: (on) => ({ type: "acknowledge", on, stage: 1 }) };
  const upheld: Step = {
    after: 8,
    command: (on) => ({
      type: "respond",
      on,
      stage: 1,
      outcome: "upheld",
      findings: [
        {
          issueId: "1",
          decision: "upheld",
          reason: "The records show the appointments were missed and no one followed up.",
        },
      ],
      remedies: [
        { id: "r1", type: "apology", description: "A written apology" },
        { id: "r2", type: "financial", description: "Compensation for the delay", amountPence: 15000 },
      ],
      actions: [{ id: "a1", description: "Complete the repair", owner: handler, dueOn: on }],
      learning: ["Missed appointments are now followed up within one working day"],
    }),
  };
  const notUpheld: Step = {
    after: 8,
    command: (on) => ({
      type: "respond",
      on,
      stage: 1,
      outcome: "not-upheld",
      findings: [
        { issueId: "1", decision: "not-upheld", reason: "The work was done on time and to standard." },
      ],
      remedies: [],
      actions: [],
      learning: ["No service failure; the explanation of the process was made clearer"],
    }),
  };
  const completeAll: Step[] = [
    { after: 1, command: (on) => ({ type: "complete-remedy", on, remedyId: "r1" }) },
    { after: 0, command: (on) => ({ type: "complete-remedy", on, remedyId: "r2" }) },
    { after: 1, command: (on) => ({ type: "complete-action", on, actionId: "a1" }) },
  ];
  const close: Step = { after: 1, command: (on) => ({ type: "close", on }) };
  const escalate: Step = { after: 4, command: (on) => ({ type: "request-escalation", on }) };
  const stage2: Step[] = [
    { after: 1, command: (on) => ({ type: "assign-handler", on, stage: 2, handler: reviewer }) },
    { after: 0, command: (on) => ({ type: "acknowledge", on, stage: 2 }) },
  ];
  const stage2Respond: Step = {
    after: 15,
    command: (on) => ({
      type: "respond",
      on,
      stage: 2,
      outcome: "not-upheld",
      findings: [
        {
          issueId: "1",
          decision: "not-upheld",
          reason: "The Stage 1 response was fair and the remedy proportionate.",
        },
      ],
      remedies: [],
      actions: [],
      learning: ["Stage 1 letters now explain the remedy calculation"],
    }),
  };
  const start = [define, assign];
  switch (scenario) {
    case "awaiting-acknowledgement":
      return [];
    case "investigating":
      return [...start, ack];
    case "extended":
      return [
        ...start,
        ack,
        {
          after: 7,
          command: (on) => ({
            type: "extend",
            on,
            stage: 1,
            workingDays: 10,
            reason: "Waiting for a damp survey report",
          }),
        },
      ];
    case "overdue":
      return [...start, ack];
    case "responded-upheld":
      return [...start, ack, upheld];
    case "closed":
      return [...start, ack, notUpheld, close];
    case "stage2-open":
      return [...start, ack, notUpheld, escalate, ...stage2];
    case "stage2-closed":
      return [...start, ack, upheld, ...completeAll, escalate, ...stage2, stage2Respond, close];
    case "refused":
      return [
        {
          after: 2,
          command: (on) => ({
            type: "refuse",
            on,
            stage: 1,
            ground: "__first_acceptance_ground__",
            reason: "Legal proceedings have been issued about the same repair.",
          }),
        },
      ];
    case "withdrawn":
      return [
        ...start,
        ack,
        {
          after: 3,
          command: (on) => ({ type: "withdraw", on, reason: "The resident says the repair is now done." }),
        },
      ];
    case "hazard":
      return [
        {
          after: 0,
          command: (on) => ({
            type: "flag-hazard",
            on,
            at: `${on}T09:30:00Z`,
            severity: "significant",
            description: "Black mould in a child's bedroom",
          }),
        },
        ...start,
        ack,
      ];
  }
}
