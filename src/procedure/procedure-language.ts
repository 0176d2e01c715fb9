import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { renderClockExplanation } from '../domain/procedure/clock-explanation.ts';
import { refusalText, type Refusal } from '../domain/procedure/refusals.ts';
import { chooseLanguage, type Language } from '../public-form/language.ts';
import type { ProcedureState } from './procedure.service.ts';

/**
 * The language of the server's own texts (clock explanations, refusals) in a procedure answer.
 * The web app sends the language of its switch; other clients may rely on Accept-Language. The
 * Dutch `explanation` and `message` stay in every answer: letters, exports and older clients read
 * them, and they are what the dossier records.
 */
export const LanguageQuery = Type.Object(
  {
    lang: Type.Optional(
      Type.Union([Type.Literal('nl'), Type.Literal('en')], {
        description: 'Language of explanationText and refusal text; else Accept-Language; else nl',
      }),
    ),
  },
  { additionalProperties: false },
);

export function languageOf(request: FastifyRequest): Language {
  return chooseLanguage(request.query, request.headers['accept-language']).language;
}

export interface LocalisedRefusal {
  code: string;
  message: string;
  text: string;
  details?: Readonly<Record<string, string>>;
}

export function localiseRefusal(refusal: Refusal, language: Language): LocalisedRefusal {
  return {
    code: refusal.code,
    message: refusal.message,
    text: refusalText(refusal, language),
    ...(refusal.details ? { details: refusal.details } : {}),
  };
}

/** The state with each clock's and refusal's text in `language`, next to the Dutch. */
export function localiseState(state: ProcedureState, language: Language) {
  return {
    ...state,
    language,
    clocks: state.clocks.map((clock) => ({
      ...clock,
      explanationText: renderClockExplanation(clock.explanationDetail, language),
    })),
    actions: state.actions.map((availability) => ({
      ...availability,
      refusals: availability.refusals.map((refusal) => localiseRefusal(refusal, language)),
    })),
  };
}
