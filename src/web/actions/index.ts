import { CASE_ACTIONS } from "./case-actions.ts";
import type { ComplaintAction } from "./complaint-action.ts";
import { RESPONSE_ACTIONS } from "./response-actions.ts";
import { STAGE_ACTIONS } from "./stage-actions.ts";

/**
 * Every action on a complaint, by the name used in both the staff pages' form URLs
 * (`POST /complaints/{reference}/{name}`) and the API (`POST /api/v1/complaints/{reference}/{name}`).
 */
export const COMPLAINT_ACTIONS: Record<string, ComplaintAction> = {
  ...STAGE_ACTIONS,
  ...RESPONSE_ACTIONS,
  ...CASE_ACTIONS,
};
