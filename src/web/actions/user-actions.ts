import { z } from "zod";
import { addUser } from "../../app/add-user.ts";
import { changeUserRole } from "../../app/change-user-role.ts";
import { removeUser } from "../../app/remove-user.ts";
import { USER_ROLES } from "../../domain/access/roles.ts";
import type { UserSummary } from "../../store/users.ts";
import { requiredText, type Action, type ActionContext } from "./action.ts";

/** An administrator's action on a staff account: it knows who asks, so nobody removes themselves. */
export interface UserActionContext extends ActionContext {
  /** The signed-in user asking; absent for an API token. */
  actingUserId?: string;
}

const role = z.enum(USER_ROLES, { error: "Choose a role" });

export const addUserInput = z.object({
  name: requiredText("Enter the person's full name"),
  email: requiredText("Enter their work email address").pipe(
    z.email("Enter an email address in the correct format, like name@example.org"),
  ),
  role,
});

/**
 * Adding a staff account. The first password is generated, returned once for the administrator to pass on,
 * and only its hash is kept. Signing in with an organisation account (OpenID Connect) needs an account too:
 * it is linked on the first sign-in by email, and never created.
 */
export const ADD_USER: Action<
  null,
  UserActionContext,
  typeof addUserInput,
  { id: string; password: string }
> = {
  summary: "Add a staff account with a role; its first password is generated and shown once",
  permission: () => "administer",
  input: addUserInput,
  // What was added, with the first password to show once.
  run: async (ctx, d) => ({
    ...d,
    ...(await addUser(ctx.services, { organisationId: ctx.organisationId, ...d })),
  }),
};

export type UserAction<S extends z.ZodType = z.ZodType> = Action<UserSummary, UserActionContext, S>;
const userAction = <S extends z.ZodType>(a: UserAction<S>): UserAction<S> => a;

/** What an administrator can do to a staff account, by the name used in the form URLs. */
export const USER_ACTIONS = {
  role: userAction({
    summary: "Change a user's role (it applies at once, to sessions already open too)",
    permission: () => "administer",
    input: z.object({ role }),
    run: (ctx, d, user) =>
      changeUserRole(ctx.services, {
        organisationId: ctx.organisationId,
        userId: user.id,
        role: d.role,
        ...(ctx.actingUserId ? { actingUserId: ctx.actingUserId } : {}),
      }),
  }),
  remove: userAction({
    summary: "Remove a user: their sessions end at once; complaint history is untouched",
    permission: () => "administer",
    input: z.object({}),
    run: (ctx, _d, user) =>
      removeUser(ctx.services, {
        organisationId: ctx.organisationId,
        userId: user.id,
        ...(ctx.actingUserId ? { actingUserId: ctx.actingUserId } : {}),
      }),
  }),
};
