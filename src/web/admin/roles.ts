import { USER_ROLES, type UserRole } from "../../domain/access/roles.ts";

/** What each role may do, in words, for the radios on the user forms (the grants are in domain/access). */
const ROLE_HINTS: Record<UserRole, string> = {
  agent: "Logs contacts and complaints from any channel, and reads cases.",
  handler: "Handles Stage 1 complaints: defines, acknowledges, investigates, extends and responds.",
  reviewer: "Reviews complaints at Stage 2.",
  "complaints-team": "Triages, refuses with reasons and handles both stages.",
  executive:
    "Executives, board members and the Member Responsible for Complaints: reads everything, changes nothing.",
  admin: "Everything, plus staff accounts, the policy pack and the calendar.",
};

export const ROLE_CHOICES = USER_ROLES.map((role) => ({
  value: role,
  text: role.charAt(0).toUpperCase() + role.slice(1).replace(/-/g, " "),
  hint: { text: ROLE_HINTS[role] },
}));
