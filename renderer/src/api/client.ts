import { createClient } from '../../../shared/api/client';
import type { PulsoBridge } from '../../../shared/api/envelope';
import { problemText, type Problem, type SayRefusal } from '../../../shared/api/refusals';
import type { SayProblem } from '../../../shared/domain/import/problems';

declare global {
  interface Window {
    /** Exposed by the preload (the app) or the test bridge (end-to-end tests). */
    pulso: PulsoBridge;
  }
}

let say: ((problem: Problem) => string) | null = null;

/**
 * The back end's refusals, and the files an import cannot read, in the UI's language from now on: an error's message
 * is then said with `t` (the I18nProvider's), wherever a screen shows it.
 */
export function sayProblemsWith(t: SayProblem & SayRefusal): void {
  say = (problem) => problemText(problem, t);
}

/** The renderer's only way to the back end. */
export const api = createClient(window.pulso, (problem) => say?.(problem) ?? null);
