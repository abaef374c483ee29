import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { Services } from "../../app/services.ts";
import { viewGovernance } from "../../app/view-governance.ts";
import { requireUser } from "../session.ts";
import { registerAnnualReportRoutes } from "./annual-report-routes.ts";
import { governanceAbilities, governanceContext } from "./governance-context.ts";
import { registerLearningRoutes } from "./learning-routes.ts";
import { registerOmbudsmanRoutes } from "./ombudsman-routes.ts";
import { registerSelfAssessmentRoutes } from "./self-assessment-routes.ts";
import { registerYouSaidWeDidRoutes } from "./you-said-we-did-routes.ts";

/** How the self-assessment and the annual report print: the page's content only, tables kept whole. */
const PRINT_CSS = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "print.css"), "utf8");

/**
 * The governance pages (`read-governance`: executives, and so the Member Responsible for Complaints, the
 * complaints team and administrators): learning, "you said, we did", Ombudsman findings, the Code
 * self-assessment and the annual report. Each organisation sees only its own.
 */
export async function registerGovernanceRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/governance", { preHandler: requireUser }, async (request, reply) => {
    const ctx = governanceContext(services, request);
    const overview = await viewGovernance(services, ctx.organisationId);
    return reply.page("governance/overview.njk", { ...overview, ...governanceAbilities(request) });
  });
  // Public like the GOV.UK stylesheet: it holds no data.
  app.get("/governance/print.css", async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(PRINT_CSS),
  );
  await registerLearningRoutes(app, services);
  await registerYouSaidWeDidRoutes(app, services);
  await registerOmbudsmanRoutes(app, services);
  await registerSelfAssessmentRoutes(app, services);
  await registerAnnualReportRoutes(app, services);
}
