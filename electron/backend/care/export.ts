import { extname } from 'node:path';
import type { Store } from '../../../db/open';
import { caseSlas } from '../../../db/queries/sla';
import type { CaseSummary } from '../../../shared/api/cases';
import type { ParsedInput } from '../../../shared/api/contract';
import { csvField } from '../../../shared/domain/grid-text';
import { dayStart, isoInZone, parseInstant } from '../../../shared/domain/time';
import { Refused, type HandlerContext } from '../runtime/context';
import { workspaceSettings } from '../runtime/defaults';
import { checkOutputPath, openOutputFile } from '../runtime/output-file';

interface CaseRow {
  id: number;
  type: string;
  department: string | null;
  assignee: string | null;
  priority: CaseSummary['priority'];
  status: CaseSummary['status'];
  openedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  messages: number;
  replies: number;
}

/** Cases opened in a period (or all), each with its times and SLA, in the workspace's zone. */
export function caseList(store: Store, input: ParsedInput<'cases.list'>): CaseSummary[] {
  const { timeZone } = workspaceSettings(store);
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.status) {
    where.push('status = @status');
    params.status = input.status;
  }
  if (input.from) {
    where.push('opened_at >= @from');
    params.from = dayStart(input.from, timeZone);
  }
  if (input.to) {
    where.push('opened_at < @to');
    params.to = dayStart(input.to, timeZone, 1);
  }
  const rows = store.sqlite
    .prepare(
      `SELECT id, type, department, assignee, priority, status, opened_at AS openedAt,
         first_response_at AS firstResponseAt, resolved_at AS resolvedAt, closed_at AS closedAt,
         (SELECT count(*) FROM case_messages WHERE case_id = c.id) AS messages,
         (SELECT count(*) FROM case_replies WHERE case_id = c.id) AS replies
       FROM cases c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at, id LIMIT ${input.limit}`,
    )
    .all(params) as CaseRow[];
  const iso = (at: number): string => isoInZone(at, timeZone);
  const now = input.at === undefined ? Date.now() : (parseInstant(input.at, timeZone) ?? Date.now());
  const slas = caseSlas(
    store.sqlite,
    rows.map((row) => row.id),
    now,
    timeZone,
    iso,
  );
  const orNull = (at: number | null): string | null => (at === null ? null : iso(at));
  return rows.map((row) => ({
    ...row,
    openedAt: iso(row.openedAt),
    firstResponseAt: orNull(row.firstResponseAt),
    resolvedAt: orNull(row.resolvedAt),
    closedAt: orNull(row.closedAt),
    sla: slas.get(row.id) ?? null,
  }));
}

const COLUMNS = [
  'case', 'type', 'team', 'assignee', 'priority', 'status', 'opened', 'first response', 'resolved',
  'first response (min)', 'resolution (h)', 'SLA policy', 'SLA state', 'SLA misses',
] as const; // prettier-ignore

/** One row per case opened in the period, with its times and SLA outcome: CSV (for Excel: BOM, `;`) or XLSX. */
export async function exportCases(
  context: HandlerContext,
  input: ParsedInput<'cases.export'>,
): Promise<{ file: string; cases: number }> {
  const format = extname(input.path).toLowerCase();
  if (format !== '.csv' && format !== '.xlsx')
    throw new Refused({ refusal: 'output-extensions', file: input.path, first: '.csv', second: '.xlsx' });
  checkOutputPath(input.path, 'cases', { workspace: context.store.path });
  const cases = caseList(context.store, { from: input.from, to: input.to, limit: 1_000_000 });
  const minutes = (from: string, to: string | null): number | null =>
    to === null ? null : Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
  const rows = cases.map((c) => {
    const resolution = minutes(c.openedAt, c.resolvedAt);
    return [
      c.id,
      c.type,
      c.department,
      c.assignee,
      c.priority,
      c.status,
      c.openedAt,
      c.firstResponseAt,
      c.resolvedAt,
      minutes(c.openedAt, c.firstResponseAt),
      resolution === null ? null : Math.round(resolution / 6) / 10,
      c.sla?.policy ?? null,
      c.sla?.state ?? null,
      c.sla?.misses.length ?? null,
    ];
  });
  const out = openOutputFile(input.path);
  try {
    if (format === '.csv') {
      out.stream.write(
        `\uFEFF${[COLUMNS, ...rows].map((row) => row.map((cell) => csvField(cell, ';')).join(';')).join('\r\n')}\r\n`,
      );
    } else {
      // Loaded when a workbook is asked for: the library is large, and the app and the CLI start without it.
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Cases');
      sheet.addRow([...COLUMNS]).font = { bold: true };
      // A workbook's text cells are never run as formulas: only the CSV needs neutralizing.
      for (const row of rows) sheet.addRow(row);
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      out.stream.write(Buffer.from(await workbook.xlsx.writeBuffer()));
    }
    await out.commit();
  } catch (error) {
    await out.abort();
    throw error;
  }
  return { file: input.path, cases: cases.length };
}
