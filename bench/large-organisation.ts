/**
 * A large synthetic organisation for the report benchmark, built quickly: each complaint's history is decided
 * in memory by the domain (every rule applies) and written with the same store functions the use cases use
 * (events, projection row, report facts), many complaints to a transaction, with no web and no outbox.
 */
import { randomUUID } from "node:crypto";
import { resolvePolicyPack } from "../src/adapters/policy-files.ts";
import { addOrganisation } from "../src/app/add-organisation.ts";
import { calendarFor } from "../src/app/complaint-context.ts";
import { DEMO_CHANNELS, pick, seededRandom } from "../src/app/demo-scenarios.ts";
import type { Services } from "../src/app/services.ts";
import { fromDayNumber, toDayNumber } from "../src/domain/calendar/day-number.ts";
import type { ComplaintCommand } from "../src/domain/complaint/commands.ts";
import { COMPLAINT_CATEGORIES } from "../src/domain/complaint/categories.ts";
import { decideComplaint } from "../src/domain/complaint/decide.ts";
import { summariseComplaint } from "../src/domain/complaint/projection.ts";
import { evolve, foldComplaint, type ComplaintState } from "../src/domain/complaint/state.ts";
import type { ComplaintEvent } from "../src/domain/complaint/events.ts";
import type { Channel } from "../src/domain/policy/schema.ts";
import { appendComplaintEvents } from "../src/store/complaint-events.ts";
import { saveComplaintProjection } from "../src/store/complaints.ts";
import { insertContact } from "../src/store/contacts.ts";

const HANDLERS = Array.from({ length: 12 }, (_, i) => `Handler ${String.fromCharCode(65 + i)}`);
const ISSUES = [
  { id: "1", summary: "The repair" },
  { id: "2", summary: "How we kept you informed" },
];

/**
 * `complaints` complaints received on working days from 1 April 2024 to 31 March 2027 (about a third in each
 * reporting year), with a realistic mix: refusals, withdrawals, extensions, late responses, Stage 2, remedies
 * with compensation, actions, hazards, closures and surveys; and `contacts` contacts of every kind.
 */
export async function buildLargeOrganisation(
  services: Services,
  options: { id: string; complaints: number; contacts: number; seed?: number },
): Promise<{ stopped: number }> {
  const pack = resolvePolicyPack("bchg");
  await addOrganisation(services, {
    id: options.id,
    name: "Large landlord",
    pack,
    homesLcra: 60_000,
    homesLcho: 4_000,
  });
  const calendar = calendarFor({ closures: [] });
  const ctx = { pack, calendar, today: "2027-06-30", now: "2027-06-30T12:00:00Z" };
  const random = seededRandom(options.seed ?? 7);
  const first = toDayNumber("2024-04-01");
  const span = toDayNumber("2027-03-31") - first;
  const prefix = options.id.toUpperCase();
  let stopped = 0;
  const batch = 500;
  for (let start = 0; start < options.complaints; start += batch) {
    await services.db.transaction(async (tx) => {
      for (let n = start; n < Math.min(start + batch, options.complaints); n++) {
        const received = fromDayNumber(calendar.addWorkingDays(first + Math.floor(random() * span), 0));
        const channel = pick(random, DEMO_CHANNELS);
        let state: ComplaintState | null = null;
        const events: ComplaintEvent[] = [];
        for (const command of scriptFor(received, channel, random, calendar)) {
          const decision = decideComplaint(state, command, ctx);
          if (!decision.ok) {
            stopped++;
            break;
          }
          events.push(...decision.events);
          state = state ? decision.events.reduce(evolve, state) : foldComplaint(decision.events);
        }
        if (!state) continue;
        const identity = {
          organisationId: options.id,
          id: randomUUID(),
          reference: `${prefix}-${String(n + 1).padStart(6, "0")}`,
          externalRef: null,
          residentId: null,
          representativeId: null,
          channel,
          category: pick(random, COMPLAINT_CATEGORIES),
          description: "A complaint",
          receivedOn: received,
          packId: pack.id,
          packVersion: pack.version,
          tenure: random() < 0.07 ? ("lcho" as const) : ("lcra" as const),
        };
        await appendComplaintEvents(
          tx,
          { organisationId: options.id, complaintId: identity.id, reference: identity.reference },
          0,
          events,
          "bench",
          new Date(ctx.now),
        );
        await saveComplaintProjection(tx, {
          ...identity,
          calendarId: calendar.id,
          version: state.version,
          summary: summariseComplaint(state, { pack, calendar }),
        });
      }
    });
  }
  await services.db.transaction(async (tx) => {
    for (let n = 0; n < options.contacts; n++) {
      const on = fromDayNumber(first + Math.floor(random() * span));
      const kind = pick(random, [
        "service-request",
        "service-request",
        "feedback",
        "compliment",
        "complaint",
      ] as const);
      await insertContact(tx, {
        organisationId: options.id,
        id: randomUUID(),
        kind,
        channel: "phone",
        residentId: null,
        summary: "A contact",
        loggedOn: on,
        status: "open",
        complaintRefs: kind === "service-request" && random() < 0.1 ? [`${prefix}-000001`] : [],
        events: [
          {
            type: "contact-logged",
            on,
            kind,
            channel: "phone",
            summary: "A contact",
            dissatisfactionExpressed: false,
            recordedBy: "bench",
            recordedAt: ctx.now,
          },
        ],
        version: 1,
      });
    }
  });
  return { stopped };
}

/** A complaint's commands, dated forward from receipt by a few working days at a time. */
function scriptFor(
  received: string,
  channel: Channel,
  random: () => number,
  calendar: ReturnType<typeof calendarFor>,
): ComplaintCommand[] {
  let day = toDayNumber(received);
  const later = (min: number, max: number) => {
    day = calendar.addWorkingDays(day, min + Math.floor(random() * (max - min + 1)));
    return fromDayNumber(day);
  };
  const commands: ComplaintCommand[] = [
    { type: "receive", on: received, channel, raisedBy: "resident", description: "A complaint" },
  ];
  if (random() < 0.03) {
    const at = `${received}T${String(8 + Math.floor(random() * 8)).padStart(2, "0")}:00:00Z`;
    commands.push({
      type: "flag-hazard",
      on: received,
      at,
      severity: random() < 0.5 ? "emergency" : "significant",
      description: "Damp",
    });
    if (random() < 0.9)
      commands.push({
        type: "record-hazard-made-safe",
        on: received,
        at: new Date(Date.parse(at) + (2 + random() * 60) * 3_600_000).toISOString().replace(/\.\d+Z$/, "Z"),
      });
  }
  if (random() < 0.05)
    return [
      ...commands,
      { type: "refuse", on: later(1, 3), stage: 1, ground: "legal-proceedings", reason: "In court" },
    ];
  commands.push({
    type: "define",
    on: fromDayNumber(day),
    stage: 1,
    issues: ISSUES,
    outcomesSought: ["Fix it"],
  });
  commands.push({
    type: "assign-handler",
    on: fromDayNumber(day),
    stage: 1,
    handler: pick(random, HANDLERS),
  });
  commands.push({ type: "acknowledge", on: later(0, 7), stage: 1 });
  if (random() < 0.05) return [...commands, { type: "withdraw", on: later(1, 5) }];
  if (random() < 0.12)
    commands.push({
      type: "extend",
      on: later(1, 5),
      stage: 1,
      workingDays: 5 + Math.floor(random() * 5),
      reason: "Survey",
    });
  const outcome = pick(random, ["upheld", "partially-upheld", "not-upheld", "not-upheld"] as const);
  const respondedOn = later(2, 14);
  const remedies =
    outcome === "not-upheld"
      ? []
      : [
          { id: "sorry", type: "apology" as const, description: "Apology" },
          ...(random() < 0.4
            ? [
                {
                  id: "pay",
                  type: "financial" as const,
                  description: "Compensation",
                  amountPence: 2500 + Math.floor(random() * 40) * 500,
                  dueOn: fromDayNumber(calendar.addWorkingDays(day, 10)),
                },
              ]
            : []),
        ];
  const actions =
    random() < 0.3
      ? [
          {
            id: "fix",
            description: "Fix it",
            owner: "Repairs",
            dueOn: fromDayNumber(calendar.addWorkingDays(day, 20)),
          },
        ]
      : [];
  const s1Findings = ISSUES.map((i, k) => ({
    issueId: i.id,
    decision:
      outcome === "upheld" || (outcome === "partially-upheld" && k === 0)
        ? ("upheld" as const)
        : ("not-upheld" as const),
    reason: "Records",
  }));
  commands.push({
    type: "respond",
    on: respondedOn,
    stage: 1,
    findings: s1Findings,
    outcome,
    remedies,
    actions,
    learning: ["Learn"],
  });
  if (random() < 0.15) {
    commands.push({ type: "request-escalation", on: later(1, 4) });
    commands.push({ type: "assign-handler", on: fromDayNumber(day), stage: 2, handler: "Director" });
    commands.push({ type: "acknowledge", on: later(0, 6), stage: 2 });
    const findings = ISSUES.map((i) => ({
      issueId: i.id,
      decision: "not-upheld" as const,
      reason: "Reviewed",
    }));
    commands.push({
      type: "respond",
      on: later(5, 25),
      stage: 2,
      findings,
      outcome: "not-upheld",
      remedies: [],
      actions: [],
      learning: ["Review"],
    });
  }
  // Remedies and actions followed through (most of them); closed only once every one is done (Code 7.3).
  let outstanding = 0;
  for (const r of remedies)
    if (random() < 0.85) commands.push({ type: "complete-remedy", on: later(1, 15), remedyId: r.id });
    else outstanding++;
  for (const a of actions)
    if (random() < 0.7) commands.push({ type: "complete-action", on: later(1, 25), actionId: a.id });
    else outstanding++;
  if (outstanding > 0) return commands;
  commands.push({ type: "close", on: later(0, 3) });
  if (random() < 0.3)
    commands.push({
      type: "record-survey-answer",
      on: later(1, 5),
      satisfaction: 1 + Math.floor(random() * 5),
    });
  return commands;
}
