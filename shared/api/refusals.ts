import { fileProblemText, inEnglish, type FileProblem, type SayProblem } from '../domain/import/problems';
import { fill } from '../i18n/fill';
import { REFUSALS, type RefusalKey } from '../i18n/refusals';

/** A file the back end was asked to write, as its refusals name it ("The report"). */
export type Output = 'report' | 'rejects' | 'export' | 'chart' | 'person' | 'cases' | 'backup';

/** A thing a call named by its id that the workspace does not have ("No case 12"). */
export type Thing =
  | 'message'
  | 'author'
  | 'idea'
  | 'lead'
  | 'deal'
  | 'contact'
  | 'case'
  | 'sla'
  | 'routing'
  | 'batch'
  | 'entity'
  | 'topic'
  | 'report'
  | 'snapshot';

/**
 * Why the back end refused a call or a job, as data: the UI says it in its language (problemText); the error's message,
 * and so the CLI, in English. `refusal` tells it from an import's FileProblem, which has a `code`.
 */
export type Refusal =
  | { refusal: 'output-is-workspace' | 'output-is-input'; output: Output; file: string }
  | { refusal: 'output-no-folder'; output: Output; folder: string }
  | { refusal: 'output-is-folder' | 'output-not-regular'; output: Output; path: string }
  | { refusal: 'output-extension'; file: string; extension: string }
  | { refusal: 'output-extensions'; file: string; first: string; second: string }
  | { refusal: 'file-exists'; file: string }
  | { refusal: 'report-extension'; file: string; extension: string; format: string }
  | { refusal: 'report-read-only'; path: string }
  | { refusal: 'report-not-written'; path: string; reason: string }
  | { refusal: 'logo-not-file' | 'logo-too-large' | 'logo-not-image'; name: string }
  | { refusal: 'entity-name-taken' | 'topic-name-taken' | 'sla-name-taken' | 'routing-name-taken'; name: string }
  | {
      refusal: 'routing-needs-team' | 'case-no-message' | 'lead-no-message' | 'person-no-author' | 'contact-no-author';
    }
  | { refusal: 'not-a-time'; value: string }
  | { refusal: 'not-found'; thing: Thing; id: string }
  | { refusal: 'messages-not-found'; ids: string }
  | { refusal: 'account-not-found'; handle: string; source: string }
  | { refusal: 'canned-not-found'; code: string }
  | { refusal: 'contact-no-account'; contact: string; name: string; account: string }
  | { refusal: 'contact-only-account'; name: string }
  | { refusal: 'deals-preset-missing'; preset: string; saved: string }
  | { refusal: 'deals-preset-none'; preset: string }
  | { refusal: 'ads-currency-differs'; currency: string; from: string; to: string }
  | { refusal: 'workspace-no-folder'; folder: string; file: string }
  | { refusal: 'workspace-unopenable'; path: string; reason: string }
  | { refusal: 'workspace-not-ours'; path: string }
  | { refusal: 'workspace-newer'; path: string; version: string; known: string }
  | { refusal: 'workspace-not-upgradable'; path: string; schema: string; reason: string };

/** Says a refusal: the UI's translator, or the back end's English one. */
export type SayRefusal = (key: RefusalKey, values?: Record<string, string | number>) => string;

export function refusalText(refusal: Refusal, say: SayRefusal): string {
  const { refusal: code, ...values } = refusal;
  const what =
    'output' in refusal
      ? say(`refusal.output.${refusal.output}`)
      : 'thing' in refusal
        ? say(`refusal.thing.${refusal.thing}`)
        : '';
  // `satisfies`: a code without its text in the catalogs does not compile.
  return say(`refusal.${code}` as const satisfies RefusalKey, { ...values, what });
}

const refusalsInEnglish: SayRefusal = (key, values) => fill(REFUSALS.en[key], values, String);

/** Why a call or a job failed, as data: a file an import cannot read, or a refusal. */
export type Problem = FileProblem | Refusal;

/**
 * An error the back end refuses with (ImportError, Refused, OutputRefused, StoreRefused): its message the English of a
 * problem, which it keeps as `problem` for the UI to say in its language, or a message given as it is.
 */
export class ProblemError<P extends Problem> extends Error {
  readonly problem: P | undefined;
  constructor(reason: string | P) {
    super(
      typeof reason === 'string'
        ? reason
        : 'refusal' in reason
          ? refusalText(reason, refusalsInEnglish)
          : fileProblemText(reason, inEnglish()),
    );
    this.problem = typeof reason === 'string' ? undefined : reason;
  }
}

/** The problem an error carries (kept across threads as a property), if any. */
export const problemOf = (error: unknown): Problem | undefined =>
  typeof error === 'object' && error !== null ? (error as { problem?: Problem }).problem : undefined;

/** A problem in the language of `say` (the UI's translator). */
export const problemText = (problem: Problem, say: SayProblem & SayRefusal): string =>
  'refusal' in problem ? refusalText(problem, say) : fileProblemText(problem, say);
