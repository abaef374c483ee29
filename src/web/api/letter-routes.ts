import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { listLetters } from "../../app/list-letters.ts";
import type { Services } from "../../app/services.ts";
import { viewLetter, type LetterPage } from "../../app/view-letter.ts";
import { LETTER_ACTIONS } from "../actions/letter-actions.ts";
import { clientOf, requireApiPermission } from "./auth.ts";
import {
  letterJson,
  letterListResponse,
  letterParams,
  letterResponse,
  letterSummaryJson,
} from "./letter-schemas.ts";
import { CHANGE_RESPONSES, ERROR_RESPONSES, referenceParams } from "./schemas.ts";

/** The letter an action is about, loaded (and access checked) before its body is validated. */
const targets = new WeakMap<FastifyRequest, LetterPage>();

/**
 * A complaint's letters: list, get (with the document and what is missing), and one endpoint per letter
 * action, validated with the action's own schema. Same order as the pages: 404, 403, 400, then 422.
 */
export async function registerLetterApiRoutes(
  app: FastifyInstance,
  services: Services,
  config: object,
): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["letters"];

  api.get(
    "/complaints/:reference/letters",
    {
      config,
      schema: {
        tags,
        summary: "A complaint's letters, drafts (not yet sent) and issued, oldest first",
        params: referenceParams,
        response: { 200: letterListResponse.describe("The letters"), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      requireApiPermission(request, "read");
      const letters = await listLetters(services, clientOf(request).organisationId, request.params.reference);
      return { items: letters.map(letterSummaryJson) };
    },
  );

  api.get(
    "/complaints/:reference/letters/:id",
    {
      config,
      schema: {
        tags,
        summary:
          "A letter with its document, the Code's checklist and what is missing before it can be issued",
        params: letterParams,
        response: { 200: letterResponse.describe("The letter"), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      requireApiPermission(request, "read");
      const { reference, id } = request.params;
      return letterJson(
        await viewLetter(services, {
          organisationId: clientOf(request).organisationId,
          reference,
          letterId: id,
        }),
      );
    },
  );

  for (const [name, action] of Object.entries(LETTER_ACTIONS)) {
    api.post(
      `/complaints/:reference/letters/:id/${name}`,
      {
        config,
        preValidation: [
          async (request) => {
            const { reference, id } = request.params as { reference: string; id: string };
            const page = await viewLetter(services, {
              organisationId: clientOf(request).organisationId,
              reference,
              letterId: id,
            });
            requireApiPermission(request, action.permission(page));
            targets.set(request, page);
          },
        ],
        schema: {
          tags,
          summary: action.summary,
          operationId: `letter-${name}`,
          params: letterParams,
          body: action.input,
          response: { 200: letterResponse.describe("The letter after the change"), ...CHANGE_RESPONSES },
        },
      },
      async (request) => {
        const page = targets.get(request);
        if (!page) throw new Error("the letter is loaded before validation");
        const client = clientOf(request);
        const at = {
          organisationId: client.organisationId,
          reference: page.letter.reference,
          letterId: page.letter.id,
        };
        await action.run({ services, ...at, on: page.today, actor: client.actor }, request.body, page);
        return letterJson(await viewLetter(services, at));
      },
    );
  }
}
