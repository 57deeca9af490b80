import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../../../../shared/api/contract';
import type { ImportSummary } from '../../../../../shared/api/import';
import { testBackend } from '../../../../helpers/workspace';
import { fingerprint, tempFolder, writeEncoded } from '../../../../helpers/files';

const DATASETS = resolve('../shared/datasets');

type Opened = ReturnType<typeof testBackend>;

async function importFile(opened: Opened, request: CallInput<'import.start'>) {
  return opened.client.runJob('import.start', request);
}

async function imported(opened: Opened, request: CallInput<'import.start'>): Promise<ImportSummary> {
  const last = await importFile(opened, request);
  if (last.state !== 'finished') throw new Error(`import ${last.state}: ${last.message}`);
  return last.result;
}

function query<T>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const SPANISH_CSV = [
  'Fecha;Usuario;Red social;Texto;Sentimiento;Tipo;Me gusta;Seguidores',
  '05/03/2026 14:30;@lucia;Twitter;"Pésima atención; llevo días sin fibra";muy enfadado;queja;1.234;12.500',
  '25/03/2026 09:05;@jordi;Facebook;"La factura de marzo, ""perfecta"".\nGracias";Contento;opinión;3;1.100',
  '26/03/2026 18:00;@lucia;Instagram;¿Alguien sabe el precio?;;;0;12.500',
].join('\r\n');

async function madrid(): Promise<Opened> {
  const opened = testBackend();
  await opened.client.call('settings.update', { timeZone: 'Europe/Madrid', annotator: 'ana' });
  return opened;
}

describe('import of real files', () => {
  it('auto-maps a Spanish ";" Windows-1252 CSV with dd/mm/yyyy dates and Spanish labels', async () => {
    const opened = await madrid();
    const file = writeEncoded(join(tempFolder(), 'menciones.csv'), SPANISH_CSV, 'win1252');
    const inspection = await opened.client.call('import.inspect', { path: file });
    expect(inspection).toMatchObject({ encoding: 'windows1252', delimiter: ';', missing: [] });
    expect(inspection.mapping.columns).toMatchObject({
      postedAt: 'Fecha',
      authorHandle: 'Usuario',
      source: 'Red social',
      text: 'Texto',
      temperature: 'Sentimiento',
      kind: 'Tipo',
      likes: 'Me gusta',
      followers: 'Seguidores',
    });
    expect(inspection.mapping.dateOrder).toBe('dmy');
    expect(inspection.preview[0]).toMatchObject({
      row: 2,
      values: { temperature: -2, kind: 'complaint', likes: 1234, postedAt: Date.UTC(2026, 2, 5, 13, 30) },
      errors: {},
    });

    const summary = await imported(opened, { path: file });
    expect(summary).toMatchObject({ new: 3, duplicate: 0, rejected: 0 });
    const rows = query<Record<string, unknown>>(
      opened.path,
      `SELECT m.text, m.posted_at, m.temperature, m.kind, m.likes, m.annotator, a.handle, a.followers, s.code AS source
       FROM messages m JOIN authors a ON a.id = m.author_id JOIN sources s ON s.id = m.source_id ORDER BY m.posted_at`,
    );
    expect(rows[0]).toEqual({
      text: 'Pésima atención; llevo días sin fibra',
      posted_at: Date.UTC(2026, 2, 5, 13, 30),
      temperature: -2,
      kind: 'complaint',
      likes: 1234,
      // The file's labels are the import's, not those of the analyst who ran it (ana).
      annotator: '(imported)',
      handle: '@lucia',
      followers: 12500,
      source: 'twitter',
    });
    expect(rows[1]).toMatchObject({
      text: 'La factura de marzo, "perfecta".\nGracias',
      temperature: 1,
      kind: 'opinion',
      source: 'facebook',
      posted_at: Date.UTC(2026, 2, 25, 8, 5),
    });
    expect(rows[2]).toMatchObject({ temperature: null, kind: null, source: 'instagram' });
    expect(query(opened.path, 'SELECT annotator, temperature, kind, batch_id FROM labels ORDER BY id')).toEqual([
      { annotator: '(imported)', temperature: -2, kind: 'complaint', batch_id: summary.batch },
      { annotator: '(imported)', temperature: 1, kind: 'opinion', batch_id: summary.batch },
    ]);
    // The full-text index is accent-insensitive.
    expect(query(opened.path, "SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'atencion'")).toHaveLength(1);
  });

  it('reads an XLSX with a title row, merged cells, serial and formatted dates', async () => {
    const opened = await madrid();
    const file = join(tempFolder(), 'log.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Resumen').addRow(['nada que importar']);
    const sheet = workbook.addWorksheet('Menciones');
    sheet.mergeCells('A1:E1');
    sheet.getCell('A1').value = 'Registro de menciones — marzo 2026';
    sheet.getRow(3).values = ['Fecha', 'Usuario', 'Mensaje', 'Temperatura', 'Seguidores'];
    sheet.getRow(4).values = [46086.5, '@ana', 'Muy buena atención en tienda', 2, 1500];
    const dated = sheet.getRow(5);
    dated.values = [new Date(Date.UTC(2026, 2, 6, 9, 15)), '@bea', 'Sin fibra otra vez', -1, '2.300'];
    dated.getCell(1).numFmt = 'dd/mm/yyyy hh:mm';
    await workbook.xlsx.writeFile(file);

    const inspection = await opened.client.call('import.inspect', { path: file, part: 'Menciones' });
    expect(inspection).toMatchObject({
      format: 'xlsx',
      parts: ['Resumen', 'Menciones'],
      part: 'Menciones',
      headers: ['Fecha', 'Usuario', 'Mensaje', 'Temperatura', 'Seguidores'],
    });
    const summary = await imported(opened, { path: file, part: 'Menciones' });
    expect(summary).toMatchObject({ new: 2, rejected: 0 });
    expect(query(opened.path, 'SELECT posted_at, temperature, text FROM messages ORDER BY posted_at')).toEqual([
      { posted_at: Date.UTC(2026, 2, 5, 11), temperature: 2, text: 'Muy buena atención en tienda' },
      { posted_at: Date.UTC(2026, 2, 6, 8, 15), temperature: -1, text: 'Sin fibra otra vez' },
    ]);
  });

  it('imports an Access table (Northwind Orders) with a mapping file, and lists its tables', async () => {
    const opened = testBackend();
    const path = join(DATASETS, 'access/nwind.mdb');
    const inspection = await opened.client.call('import.inspect', { path, part: 'Orders' });
    expect(inspection.parts).toEqual(expect.arrayContaining(['Orders', 'Customers', 'Umsätze']));
    const mapping = {
      columns: {
        externalId: 'OrderID',
        text: 'ShipAddress',
        postedAt: 'OrderDate',
        authorHandle: 'CustomerID',
        region: 'ShipCountry',
      },
    } as const;
    expect(await imported(opened, { path, part: 'Orders', mapping })).toMatchObject({ new: 830, rejected: 0 });
    expect(await imported(opened, { path, part: 'Orders', mapping })).toMatchObject({ new: 0, duplicate: 830 });
    expect(query(opened.path, 'SELECT count(DISTINCT region) AS n FROM authors WHERE region IS NOT NULL')).toEqual([
      { n: 21 },
    ]);
  });

  it('reads the Access 2010 .accdb and a UTF-16 CSV from the shared data sets', async () => {
    const opened = testBackend();
    const accdb = await opened.client.call('import.inspect', {
      path: join(DATASETS, 'access/mdbreader_V2010_test.accdb'),
    });
    expect(accdb.format).toBe('access');
    expect(accdb.parts.length).toBeGreaterThan(0);
    const spanish = join(DATASETS, 'spanish-airlines/tweets_public_es.csv');
    expect(await opened.client.call('import.inspect', { path: spanish })).toMatchObject({
      encoding: 'utf16le',
      delimiter: ',',
    });
    expect(await imported(opened, { path: spanish, preset: 'spanish-airline-tweets' })).toMatchObject({
      new: 7867,
      rejected: 0,
    });
  });

  it('agrees with a direct count of the airline data set: dedupe by id, sentiment per airline', async () => {
    const opened = testBackend();
    const path = join(DATASETS, 'airline/Tweets.csv');
    expect(await imported(opened, { path, preset: 'airline-tweets' })).toMatchObject({
      new: 14485,
      duplicate: 155,
      rejected: 0,
    });
    // Reference: the same file read by csv-parse directly, first row per tweet_id.
    const { parse } = await import('csv-parse/sync');
    const records = parse(readFileSync(path), { columns: true }) as Record<string, string>[];
    const seen = new Set<string>();
    const expected = new Map<string, number>();
    for (const record of records) {
      if (seen.has(record.tweet_id as string)) continue;
      seen.add(record.tweet_id as string);
      const key = `${record.airline}|${record.airline_sentiment}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const actual = query<{ name: string; temperature: number; n: number }>(
      opened.path,
      `SELECT e.name, m.temperature, count(*) AS n FROM messages m JOIN message_entities me ON me.message_id = m.id
       JOIN entities e ON e.id = me.entity_id WHERE me.origin = 'import' GROUP BY 1, 2`,
    );
    const words: Record<number, string> = { [-1]: 'negative', 0: 'neutral', 1: 'positive' };
    expect(new Map(actual.map((row) => [`${row.name}|${words[row.temperature]}`, row.n]))).toEqual(expected);
  });

  it('matches tracked entities and topics by their rules at import', async () => {
    const opened = testBackend();
    const db = new Database(opened.path);
    db.prepare("INSERT INTO entities (id, name, role) VALUES (1, 'Lumen', 'own')").run();
    db.prepare("INSERT INTO entity_aliases (entity_id, alias) VALUES (1, 'lumen móvil'), (1, '@LumenMovil')").run();
    db.prepare("INSERT INTO topics (id, name) VALUES (1, 'Fibra')").run();
    db.prepare("INSERT INTO topic_keywords (topic_id, keyword) VALUES (1, 'fibra óptica')").run();
    db.close();
    const file = join(tempFolder(), 'm.jsonl');
    writeFileSync(
      file,
      [
        { id: 'a', date: '2026-05-01T10:00:00Z', user: '@x', text: 'LUMEN MOVIL sin FIBRA OPTICA desde ayer' },
        {
          id: 'b',
          date: '2026-05-01T11:00:00Z',
          user: '@y',
          text: 'hola @lumenmovil, la fibra va bien',
          marca: 'Lumen',
        },
        { id: 'c', date: '2026-05-01T12:00:00Z', user: '@z', text: 'nada que ver', marca: 'Onda' },
        { id: 'd', date: '2026-05-01T13:00:00Z', user: '@w', text: 'Lumen Móvil y Onda, lo mismo', marca: 'Onda' },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    expect(await imported(opened, { path: file })).toMatchObject({ new: 4 });
    // The rules' matches beside the entity the file's column names, which outranks a rule finding the same (b).
    expect(
      query(
        opened.path,
        'SELECT m.external_id AS id, e.name, me.origin FROM message_entities me JOIN messages m ON m.id = me.message_id JOIN entities e ON e.id = me.entity_id ORDER BY 1, 2',
      ),
    ).toEqual([
      { id: 'a', name: 'Lumen', origin: 'rule' },
      { id: 'b', name: 'Lumen', origin: 'import' },
      { id: 'c', name: 'Onda', origin: 'import' },
      { id: 'd', name: 'Lumen', origin: 'rule' },
      { id: 'd', name: 'Onda', origin: 'import' },
    ]);
    expect(
      query(opened.path, 'SELECT m.external_id AS id FROM message_topics mt JOIN messages m ON m.id = mt.message_id'),
    ).toEqual([{ id: 'a' }]);
  });

  it('re-importing a file, or an overlapping export without ids, adds nothing twice', async () => {
    const opened = await madrid();
    const folder = tempFolder();
    const first = writeEncoded(join(folder, 'a.csv'), SPANISH_CSV, 'utf8', true);
    const overlap = writeEncoded(
      join(folder, 'b.csv'),
      `${SPANISH_CSV}\r\n27/03/2026 10:00;@nuevo;Twitter;Otra mención;neutral;charla;0;10`,
      'utf8',
    );
    expect(await imported(opened, { path: first })).toMatchObject({ new: 3, duplicate: 0, sameFileAs: [] });
    // The very same bytes again: said, with the batch that brought them.
    expect(await imported(opened, { path: first })).toMatchObject({ new: 0, duplicate: 3, sameFileAs: [1] });
    expect(await imported(opened, { path: overlap })).toMatchObject({ new: 1, duplicate: 3, sameFileAs: [] });
    const batches = await opened.client.call('import.batches', {});
    expect(batches.map((b) => [b.fileName, b.rowsNew, b.rowsDuplicate, b.messages])).toEqual([
      ['b.csv', 1, 3, 1],
      ['a.csv', 0, 3, 0],
      ['a.csv', 3, 0, 3],
    ]);
    expect(batches[2]?.sha256).toBe(
      (await import('node:crypto')).createHash('sha256').update(readFileSync(first)).digest('hex'),
    );
  });

  it('undoes a batch as a whole', async () => {
    const opened = await madrid();
    const before = fingerprint(opened.path);
    const summary = await imported(opened, { path: writeEncoded(join(tempFolder(), 'a.csv'), SPANISH_CSV, 'utf8') });
    expect(await opened.client.call('import.undo', { batch: summary.batch })).toMatchObject({
      batch: summary.batch,
      messages: 3,
    });
    const { counts } = await opened.client.call('workspace.info', {});
    expect([counts.messages, counts.labels, counts.authors, counts.importBatches]).toEqual([0, 0, 0, 0]);
    expect(query(opened.path, "SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'fibra'")).toEqual([
      { n: 0 },
    ]);
    expect(fingerprint(opened.path)).not.toBe(before); // the sequence of ids moved on, as it should
    await expect(opened.client.call('import.undo', { batch: summary.batch })).rejects.toThrow(/No import batch/);
  });

  it('refuses ambiguous date orders until told, then reads them', async () => {
    const opened = testBackend();
    const file = writeEncoded(
      join(tempFolder(), 'us.csv'),
      'date,text\n03/05/2026 1:00 PM,hello there\n04/06/2026,good morning',
      'utf8',
    );
    const refused = await importFile(opened, { path: file });
    expect(refused).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/us\.csv: the dates could be day\/month or month\/day/),
    });
    expect(await imported(opened, { path: file, dateOrder: 'mdy' })).toMatchObject({ new: 2 });
    expect(query(opened.path, 'SELECT posted_at FROM messages ORDER BY 1')).toEqual([
      { posted_at: Date.UTC(2026, 2, 5, 13) },
      { posted_at: Date.UTC(2026, 3, 6) },
    ]);
  });

  it('imports the valid rows and writes the rejected ones with their reasons, when asked', async () => {
    const opened = await madrid();
    const folder = tempFolder();
    const file = writeEncoded(
      join(folder, 'mixed.csv'),
      `${SPANISH_CSV}\r\n31/02/2026 10:00;@x;Twitter;fecha imposible;neutral;charla;0;1\r\n27/03/2026 10:00;@y;Twitter;etiqueta rara;furioso;charla;0;1`,
      'utf8',
    );
    const rejectsPath = join(folder, 'rejects.csv');
    expect(await imported(opened, { path: file, rejectsPath })).toMatchObject({ new: 3, rejected: 2, rejectsPath });
    const rejects = readFileSync(rejectsPath, 'utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(rejects[0]).toBe('row,column,reason,Fecha,Usuario,Red social,Texto,Sentimiento,Tipo,Me gusta,Seguidores');
    expect(rejects[1]).toMatch(/^5,Fecha,"Fecha: ""31\/02\/2026 10:00"" is not a real date",31\/02\/2026 10:00,'@x/);
    expect(rejects[2]).toMatch(/^6,Sentimiento,"Sentimiento: unknown temperature ""furioso""",/);
  });
});

describe('the header row, where the guess is wrong', () => {
  // A row of column codes above the names: as full as a header, so the guess takes it.
  const CODES = [
    'C1;C2;C3',
    'Fecha;Usuario;Texto',
    '25/03/2026 10:00;@ana;el router no funciona',
    '26/03/2026 11:00;@luis;gracias por la factura',
  ].join('\n');

  it.each(['csv', 'xlsx'] as const)(
    'is taken from the request in a %s file: inspection, preview and import',
    async (format) => {
      const opened = await madrid();
      const path = join(tempFolder(), `codes.${format}`);
      if (format === 'csv') writeEncoded(path, CODES, 'utf8');
      else {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Menciones');
        for (const line of CODES.split('\n')) sheet.addRow(line.split(';'));
        await workbook.xlsx.writeFile(path);
      }
      const guessed = await opened.client.call('import.inspect', { path });
      expect(guessed).toMatchObject({ headerRow: 1, headers: ['C1', 'C2', 'C3'], missing: ['text', 'postedAt'] });
      const told = await opened.client.call('import.inspect', { path, headerRow: 2 });
      expect(told).toMatchObject({ headerRow: 2, headers: ['Fecha', 'Usuario', 'Texto'], missing: [] });
      expect(told.preview.map((row) => [row.row, row.values.authorHandle])).toEqual([
        [3, '@ana'],
        [4, '@luis'],
      ]);
      expect(await imported(opened, { path, headerRow: 2, mapping: told.mapping })).toMatchObject({
        new: 2,
        rejected: 0,
      });
      expect(
        query(opened.path, 'SELECT text FROM messages ORDER BY posted_at').map((row) => (row as { text: string }).text),
      ).toEqual(['el router no funciona', 'gracias por la factura']);
    },
  );

  it('is refused, naming the file and row, when it is blank or outside the rows a header may be on', async () => {
    const opened = await madrid();
    const path = writeEncoded(join(tempFolder(), 'codes.csv'), CODES.replace('\n', '\n\n'), 'utf8');
    await expect(opened.client.call('import.inspect', { path, headerRow: 2 })).rejects.toThrow(
      /codes\.csv: row 2 is blank/,
    );
    await expect(opened.client.call('import.inspect', { path, headerRow: 40 })).rejects.toThrow(
      /codes\.csv: row 40 is past the end/,
    );
    // 0 says the file has no header row (see plan.test.ts); negative, fractional or past 100 are no row.
    for (const headerRow of [-1, 101, 2.5]) {
      await expect(opened.client.call('import.inspect', { path, headerRow })).rejects.toMatchObject({
        code: 'invalid-input',
      });
    }
  });
});

describe('bad input: a clear message, and the store exactly as it was', () => {
  async function refusedUnchanged(
    name: string,
    write: (path: string) => Promise<void> | void,
    expected: RegExp,
    request: Partial<CallInput<'import.start'>> = {},
  ) {
    const opened = await madrid();
    await imported(opened, { path: writeEncoded(join(tempFolder(), 'seed.csv'), SPANISH_CSV, 'utf8') });
    const before = { fingerprint: fingerprint(opened.path), info: await opened.client.call('workspace.info', {}) };
    const path = join(tempFolder(), name);
    await write(path);
    const last = await importFile(opened, { path, ...request });
    expect(last.state).toBe('failed');
    expect(last.message).toMatch(expected);
    expect(await opened.client.call('workspace.info', {})).toEqual(before.info);
    expect(fingerprint(opened.path)).toBe(before.fingerprint);
  }

  const csv = (text: string) => (path: string) => void writeEncoded(path, text, 'utf8');

  it('a truncated XLSX', () =>
    refusedUnchanged(
      'cut.xlsx',
      async (path) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Data');
        sheet.addRow(['Fecha', 'Texto']);
        for (let i = 0; i < 2000; i++)
          sheet.addRow([`2026-01-0${(i % 9) + 1}`, `mensaje número ${i} con algo de texto`]);
        const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
        writeFileSync(path, buffer.subarray(0, Math.floor(buffer.length / 2)));
      },
      /cut\.xlsx is not a valid Excel workbook/,
    ));

  it('random bytes named .xlsx', () =>
    refusedUnchanged(
      'random.xlsx',
      (path) => {
        writeFileSync(path, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
      },
      /random\.xlsx is not a valid Excel workbook/,
    ));

  it('a 0-byte file', () => refusedUnchanged('empty.csv', csv(''), /empty\.csv is empty \(0 bytes\)/));

  it('a corrupt Access file', () =>
    refusedUnchanged(
      'broken.mdb',
      (path) => {
        copyFileSync(join(DATASETS, 'access/nwind.mdb'), path);
        const bytes = readFileSync(path);
        writeFileSync(path, bytes.subarray(0, 4096));
      },
      /broken\.mdb is not a readable Access database|broken\.mdb: cannot read table/,
    ));

  it('a missing required column', () =>
    refusedUnchanged(
      'no-text.csv',
      csv('Fecha;Usuario\n01/03/2026;@a\n25/03/2026;@b'),
      /no-text\.csv: cannot find a column for text among "Fecha", "Usuario"/,
    ));

  it('unparseable dates, naming row and column', () =>
    refusedUnchanged(
      'dates.csv',
      csv('Fecha;Texto\n25/03/2026;bien\nayer por la tarde;mal'),
      /dates\.csv, row 3, column "Fecha": cannot read date "ayer por la tarde"/,
    ));

  it('unknown label values, never guessed', () =>
    refusedUnchanged(
      'labels.csv',
      csv('Fecha;Texto;Sentimiento\n25/03/2026;bien;contento\n26/03/2026;mal;cabreadísimo'),
      /labels\.csv, row 3, column "Sentimiento": unknown temperature "cabreadísimo"/,
    ));

  it('duplicate header names', () =>
    refusedUnchanged(
      'dupes.csv',
      csv('Fecha;Texto;Texto\n25/03/2026;uno;dos'),
      /dupes\.csv: the header "Texto" names 2 columns \(B, C\)/,
    ));

  it('a 100,000-character cell', () =>
    refusedUnchanged(
      'huge.csv',
      csv(`Fecha;Texto\n25/03/2026;corto\n26/03/2026;${'x'.repeat(100_000)}`),
      /huge\.csv, row 3, column "Texto": cell has 100,000 characters; the limit is 32,767/,
    ));

  it('an unclosed quote', () =>
    refusedUnchanged(
      'quote.csv',
      csv('Fecha;Texto\n25/03/2026;"sin cerrar\n26/03/2026;otro'),
      /quote\.csv, row 2: a cell opens a quote \("\) that never closes/,
    ));

  it('a mapping naming a column the file lacks', () =>
    refusedUnchanged(
      'ok.csv',
      csv('Fecha;Texto\n25/03/2026;uno'),
      /ok\.csv: column "Mensaje" \(for text\) is not in the file/,
      { mapping: { columns: { text: 'Mensaje', postedAt: 'Fecha' } } },
    ));
});

describe('cancel and crash', () => {
  /**
   * A 300,000-row CSV; `spread` gives each message a day of its own (so the roll-up counts grow with the file);
   * `giant`, a last row whose quoted text runs 40 MB (the reader holds a row whole until it ends).
   */
  function bigCsv(name: string, { spread = false, giant = false } = {}): string {
    const lines = ['id,date,user,text'];
    for (let i = 0; i < 300_000; i++) {
      const date = spread
        ? new Date(Date.UTC(1800, 0, 1 + i)).toISOString()
        : `2026-04-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`;
      lines.push(`${i},${date},@u${i % 5000},mensaje de prueba número ${i} sobre la fibra`);
    }
    if (giant) lines.push(`x,2026-04-01T10:00:00Z,@u,"${'la fibra, otra vez\n'.repeat(2_000_000)}"`);
    return writeEncoded(join(tempFolder(), name), lines.join('\n'), 'utf8');
  }

  // The threads' real caps hold a million rows; 28 MB is reached some batches in: the writer's when every message has a
  // day of its own, by its lists of days; the reading thread's, which streams the rows, by a row of 40 MB.
  it.each([
    {
      thread: 'prepare' as const,
      file: { giant: true },
      expected:
        /^Reading big\.csv needed more memory than an import may use; nothing was imported\. Split it into smaller files$/,
    },
    {
      thread: 'import' as const,
      file: { spread: true },
      expected: /^The import of big\.csv needed more memory than it may use; the workspace is unchanged$/,
    },
  ])(
    'an import thread ($thread) at its heap cap says so, and the store is as it was',
    async ({ thread, file, expected }) => {
      const opened = testBackend(undefined, {
        heapLimits: { [thread]: { maxOldGenerationSizeMb: 28, maxYoungGenerationSizeMb: 16 } },
      });
      await imported(opened, { path: writeEncoded(join(tempFolder(), 'seed.csv'), SPANISH_CSV, 'utf8') });
      const before = { fingerprint: fingerprint(opened.path), info: await opened.client.call('workspace.info', {}) };
      let rows = 0;
      const last = await opened.client.runJob('import.start', { path: bigCsv('big.csv', file) }, (event) => {
        if (event.state === 'progress') rows = event.rows ?? rows;
      });
      expect(last.state).toBe('failed');
      expect(last.message).toMatch(expected);
      expect(rows).toBeGreaterThan(0); // it stopped mid-file, batches written
      expect(await opened.client.call('workspace.info', {})).toEqual(before.info);
      expect(fingerprint(opened.path)).toBe(before.fingerprint);
    },
  );

  it('killing the import worker mid-file leaves no partial batch, and the store works on', async () => {
    const opened = await madrid();
    await imported(opened, { path: writeEncoded(join(tempFolder(), 'seed.csv'), SPANISH_CSV, 'utf8') });
    const before = { fingerprint: fingerprint(opened.path), info: await opened.client.call('workspace.info', {}) };
    const big = bigCsv('big.csv');
    let progressSeen = 0;
    const last = await opened.client.runJob('import.start', { path: big }, (event) => {
      if (event.state === 'progress' && event.stage === undefined && ++progressSeen === 1) {
        expect(event.rows).toBeGreaterThan(0);
        void opened.client.call('jobs.cancel', { jobId: event.jobId });
      }
    });
    expect(last.state).toBe('cancelled');
    expect(await opened.client.call('workspace.info', {})).toEqual(before.info);
    expect(fingerprint(opened.path)).toBe(before.fingerprint);
    // The killed worker's lock is gone: this connection writes, and a new one opens cleanly.
    await opened.client.call('settings.update', { annotator: 'marc' });
    expect(
      await imported(opened, {
        path: writeEncoded(join(tempFolder(), 'after.csv'), 'date,text\n2026-05-01,after the crash', 'utf8'),
      }),
    ).toMatchObject({ new: 1 });
  });
});

describe('dates a file gets wrong', () => {
  it('are kept as the file says but counted when before 1990 or more than a day ahead, in the preview and the summary', async () => {
    const { client } = testBackend();
    await client.call('settings.update', { timeZone: 'UTC' });
    const path = writeEncoded(
      join(tempFolder(), 'years.csv'),
      'date,text\n0050-03-05 10:00,año cincuenta\n1985-01-01 10:00,antes de las redes\n2026-03-05 10:00,normal\n2999-01-01 10:00,futuro\n',
      'utf8',
    );
    expect((await client.call('import.inspect', { path })).implausibleDates).toBe(3);
    const last = await client.runJob('import.start', { path });
    expect(last).toMatchObject({ state: 'finished', result: { new: 4, implausibleDates: 3 } });
    const detail = (
      await client.call('messages.page', { offset: 0, limit: 10, sort: { column: 'postedAt', direction: 'asc' } })
    ).rows;
    expect(new Date(detail[0]?.postedAt as number).toISOString()).toBe('0050-03-05T10:00:00.000Z');
  });
});
