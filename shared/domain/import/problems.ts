import type { MessageKey, Translator } from '../../i18n';

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
        | 'id-conflict';
      value: string;
    }
  | { code: 'temperature-outside'; value: string; scale: '1–5' | '−2..2' }
  | { code: 'too-long'; length: number; limit: number }
  | { code: 'past-header'; cells: number; width: number }
  | { code: 'text-empty' | 'date-empty' };

export function cellProblemText(problem: CellProblem, t: Translator['t']): string {
  const { code, ...values } = problem;
  // `satisfies`: a code without its text in the catalogs does not compile.
  return t(`cellProblem.${code}` as const satisfies MessageKey, values);
}
