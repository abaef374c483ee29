import { lintPolicyPack, type LintFinding } from "../domain/policy/lint.ts";
import type { PolicyPack } from "../domain/policy/schema.ts";
import { countRunningComplaintsByPackVersion, type PackVersionUsage } from "../store/pack-usage.ts";
import { packVersion, requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";

export interface PolicyPage {
  organisation: { id: string; name: string };
  /** The pack version new complaints are received under. */
  pack: PolicyPack;
  /** The Code linter's findings for it: errors first, then warnings, then notes. */
  findings: LintFinding[];
  /** Running complaints pinned to each pack version (older versions too: they keep their rules). */
  pinned: PackVersionUsage[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The policy pack an organisation runs, checked against the Code, and which versions complaints run under. */
export async function viewPolicy(services: Services, organisationId: string): Promise<PolicyPage> {
  const org = await requireOrganisation(services.db, organisationId);
  const pack = await packVersion(services.db, org.packId, org.packVersion);
  const findings = lintPolicyPack(pack).sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return {
    organisation: { id: org.id, name: org.name },
    pack,
    findings,
    pinned: await countRunningComplaintsByPackVersion(services.db, organisationId),
  };
}
