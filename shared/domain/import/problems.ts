import { fill, numberFormat } from '../../i18n/fill';
import { IMPORT_PROBLEMS, type ImportProblemKey } from '../../i18n/import-problems';
import type { Language } from '../vocabulary';

/** Says an import problem: the UI's translator, or problemsIn's (an import thread's, without the UI's catalogs). */
export type SayProblem = (key: ImportProblemKey, values?: Record<string, string | number>) => string;

/** The import problems' texts in one language, numbers as the UI writes them. */
export function problemsIn(language: Language): SayProblem {
  const number = numberFormat(language);
  return (key, values) => fill(IMPORT_PROBLEMS[language][key], values, (value) => number.format(value));
}

let english: SayProblem | null = null;
/** The back end's own messages (the CLI's, an error's `message`) are English. */
export const inEnglish = (): SayProblem => (english ??= problemsIn('en'));

/**
 * Why a cell of an import cannot be read, as data: the wizard says it in the UI's language, an import's report and its
 * rejects file in the workspace's (cellProblemText). `value` is the cell as the file wrote it.
 */
export type CellProblem =
  | {
      code:
        | 'date-unread'
        | 'date-not-real'
        | 'date-12-hour'
        | 'date-order'
        | 'temperature-scale'
        | 'temperature-unknown'
        | 'kind-unknown'
        | 'not-a-count'
        | 'not-a-number'
        | 'id-conflict'
        | 'amount-unread'
        | 'currency-unknown'
        | 'currency-mixed';
      value: string;
    }
  | { code: 'temperature-outside'; value: string; scale: '1–5' | '−2..2' }
  | { code: 'too-long'; length: number; limit: number }
  | { code: 'past-header'; cells: number; width: number }
  | { code: 'text-empty' | 'date-empty' | 'deal-no-id' | 'deal-no-stage' | 'sale-no-amount' };

export function cellProblemText(problem: CellProblem, say: SayProblem): string {
  const { code, ...values } = problem;
  // `satisfies`: a code without its text in the catalogs does not compile.
  return say(`cellProblem.${code}` as const satisfies ImportProblemKey, values);
}

/**
 * Why a file cannot be imported at all, as data (ImportError.problem), for a message in the reader's language
 * (fileProblemText); `file` is its name. The rarest (an archive part's own script, a preset's
 * name, a mapping's rules) stay messages only.
 */
export type FileProblem =
  | {
      code:
        | 'file-empty'
        | 'file-deals-not-messages'
        | 'file-folder'
        | 'file-not-regular'
        | 'file-format'
        | 'file-utf32'
        | 'file-no-header'
        | 'workbook-no-sheets'
        | 'dates-ambiguous'
        | 'dates-mixed'
        | 'temperatures-ambiguous'
        | 'workbook-no-workbook'
        | 'jsonl-empty'
        | 'access-no-tables'
        | 'archive-no-posts'
        | 'archive-no-tweets';
      file: string;
    }
  | { code: 'sheet-unreadable'; file: string; sheet: string; reason: string }
  | { code: 'table-unreadable'; file: string; table: string; reason: string }
  | { code: 'jsonl-line-invalid'; file: string; line: string; reason: string }
  | { code: 'jsonl-line-not-object'; file: string; line: string }
  | { code: 'file-not-found'; file: string; path: string }
  | { code: 'workbook-invalid'; file: string; reason: string }
  | { code: 'sheet-missing' | 'sheet-empty'; file: string; sheet: string }
  | { code: 'header-row-blank' | 'header-row-past-end'; file: string; row: string }
  | { code: 'sheet-header-row-blank'; file: string; row: string; sheet: string }
  | { code: 'not-utf8'; file: string; line: string; byte: string }
  | { code: 'quote-unclosed'; file: string; row: string }
  | { code: 'quote-text-after'; file: string; row: string; reason: string }
  | { code: 'deal-column-missing'; file: string; header: string; field: string; columns: string }
  | { code: 'deal-columns-not-found'; file: string; fields: string; columns: string }
  /** An ads report (its spend taken as the cost model's ads): not one, empty, or a row's cell unread. */
  | { code: 'ads-columns-not-found'; file: string; columns: string }
  | { code: 'ads-no-rows'; file: string }
  | { code: 'ads-row'; file: string; row: string; column: string; cell: CellProblem }
  /** A mapping (a preset's, a file's, the wizard's) that does not fit the file's headers. */
  | { code: 'mapping-field-unmapped'; file: string; field: string; columns: string }
  | { code: 'mapping-column-missing'; file: string; header: string; field: string; columns: string }
  | { code: 'mapping-header-repeated'; file: string; header: string; count: string; letters: string }
  /** The column taken for the text is empty in most rows read: not a file of messages, or the wrong column. */
  | { code: 'text-column-empty'; file: string; column: string; empty: number; count: number }
  /** A CRM deals export's row (the file is refused whole): `cell`, why its cell in `column` cannot be read. */
  | { code: 'deal-row'; file: string; row: string; column: string; cell: CellProblem };

export function fileProblemText(problem: FileProblem, say: SayProblem): string {
  if (problem.code === 'deal-row' || problem.code === 'ads-row') {
    const { code, cell, ...values } = problem;
    return say(`fileProblem.${code}`, { ...values, problem: cellProblemText(cell, say) });
  }
  const { code, ...values } = problem;
  return say(`fileProblem.${code}` as const satisfies ImportProblemKey, values);
}

/** The problem an error carries (an ImportError's, kept across threads as a property), if any. */
export const fileProblemOf = (error: unknown): FileProblem | undefined =>
  typeof error === 'object' && error !== null ? (error as { problem?: FileProblem }).problem : undefined;
