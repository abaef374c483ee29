/** Staff roles (DESIGN: who uses it). */
export const USER_ROLES = ["agent", "handler", "reviewer", "complaints-team", "executive", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];
