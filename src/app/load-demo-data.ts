import { londonDateOf, toDayNumber, fromDayNumber } from "../domain/calendar/day-number.ts";
import type { PolicyPack } from "../domain/policy/schema.ts";
import { listOrganisations } from "../store/organisations.ts";
import { addOrganisation } from "./add-organisation.ts";
import { addUser } from "./add-user.ts";
import { calendarFor } from "./complaint-context.ts";
import {
  DEMO_CATEGORIES,
  DEMO_CHANNELS,
  DEMO_HANDLERS,
  DEMO_NAMES,
  DEMO_REVIEWERS,
  pick,
  SCENARIOS,
  scenarioSteps,
  seededRandom,
  type DemoCategory,
  type Scenario,
} from "./demo-scenarios.ts";
import { logComplaint } from "./log-complaint.ts";
import { runComplaintCommand } from "./run-complaint-command.ts";
import type { Services } from "./services.ts";
import type { UserRole } from "../store/users.ts";

/** The demo organisations: one per bundled pack, identified by the pack id (the Code's own pack as demo-code). */
export function demoOrganisationId(pack: PolicyPack): string {
  return pack.id === "hos-code-2024" ? "demo-code" : pack.id;
}

const DEMO_ROLES: readonly UserRole[] = [
  "agent",
  "handler",
  "reviewer",
  "complaints-team",
  "executive",
  "admin",
];

/** Received this many working days before today: enough history for each scenario to play out. */
const AGE: Record<Scenario, [number, number]> = {
  "awaiting-acknowledgement": [0, 3],
  investigating: [3, 8],
  extended: [12, 18],
  overdue: [25, 40],
  "responded-upheld": [12, 20],
  closed: [15, 150],
  "stage2-open": [20, 24],
  "stage2-closed": [45, 150],
  refused: [3, 90],
  withdrawn: [8, 90],
  hazard: [1, 5],
};

export interface DemoUser {
  organisationId: string;
  email: string;
  role: UserRole;
  password: string;
}

/**
 * Creates one organisation per pack with users and realistic complaints across every stage, channel and
 * category: some overdue, extended, at Stage 2, refused, withdrawn, hazard-flagged, with remedies and
 * learning. Deterministic for a given seed and clock. Organisations that already exist are left alone.
 */
export async function loadDemoData(
  services: Services,
  packs: readonly PolicyPack[],
  options: { seed?: number; complaintsPerOrganisation?: number } = {},
): Promise<{ organisations: string[]; complaints: number; users: DemoUser[] }> {
  const random = seededRandom(options.seed ?? 2024);
  const perOrg = options.complaintsPerOrganisation ?? 24;
  const existing = new Set((await listOrganisations(services.db)).map((o) => o.id));
  const result = { organisations: [] as string[], complaints: 0, users: [] as DemoUser[] };
  for (const [i, pack] of packs.entries()) {
    const id = demoOrganisationId(pack);
    if (existing.has(id)) continue;
    await addOrganisation(services, {
      id,
      name: `${pack.landlord} (demo)`,
      pack,
      homesLcra: 2000 + i * 1500,
      homesLcho: 150 * i,
    });
    for (const role of DEMO_ROLES) {
      const email = `${role}@${id}.demo`;
      const password = `demo-${role}-${id}`;
      // The handler and reviewer carry names the demo complaints are assigned to, so "my cases" has cases.
      const name =
        role === "handler"
          ? DEMO_HANDLERS[0]
          : role === "reviewer"
            ? DEMO_REVIEWERS[0]
            : `Demo ${role.replace("-", " ")}`;
      await addUser(services, {
        organisationId: id,
        email,
        name,
        role,
        password,
      });
      result.users.push({ organisationId: id, email, role, password });
    }
    for (let n = 0; n < perOrg; n++) {
      await demoComplaint(services, pack, id, SCENARIOS[n % SCENARIOS.length] as Scenario, random);
      result.complaints += 1;
    }
    result.organisations.push(id);
  }
  return result;
}

async function demoComplaint(
  services: Services,
  pack: PolicyPack,
  organisationId: string,
  scenario: Scenario,
  random: () => number,
) {
  const calendar = calendarFor({ closures: [] });
  const today = toDayNumber(londonDateOf(services.clock()));
  const [min, max] = AGE[scenario];
  const receivedOn = fromDayNumber(
    calendar.addWorkingDays(today, -(min + Math.floor(random() * (max - min + 1)))),
  );
  const category = pick(random, Object.keys(DEMO_CATEGORIES)) as DemoCategory;
  const summary = pick(random, DEMO_CATEGORIES[scenario === "hazard" ? "damp-and-mould" : category]);
  const representative = random() < 0.15;
  const logged = await logComplaint(
    services,
    {
      organisationId,
      receivedOn,
      channel: pick(random, DEMO_CHANNELS),
      category: scenario === "hazard" ? "damp-and-mould" : category,
      description: summary,
      resident: { name: pick(random, DEMO_NAMES), email: "resident@example.org", postcode: "B1 1AA" },
      ...(representative
        ? {
            representative: {
              name: "Citizens Advice caseworker",
              relationship: "advocate",
              authority: "signed consent form",
            },
          }
        : {}),
    },
    "demo",
  );
  const refusalGround = pack.exclusions.find((e) => e.appliesTo.includes("acceptance") && !e.ageLimit)?.id;
  let day = toDayNumber(receivedOn);
  for (const step of scenarioSteps(
    scenario,
    summary,
    pick(random, DEMO_HANDLERS),
    pick(random, DEMO_REVIEWERS),
  )) {
    day = calendar.addWorkingDays(day, step.after);
    if (day > today) break; // the rest of the story has not happened yet
    let command = step.command(fromDayNumber(day));
    if (command.type === "refuse") {
      if (!refusalGround) break;
      command = { ...command, ground: refusalGround };
    }
    await runComplaintCommand(services, {
      organisationId,
      reference: logged.reference,
      command,
      actor: "demo",
    });
  }
}
