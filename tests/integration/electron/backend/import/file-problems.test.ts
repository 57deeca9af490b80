import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../shared/api/envelope';
import { problemText } from '../../../../../shared/api/refusals';
import { createTranslator } from '../../../../../shared/i18n';
import { tempFolder } from '../../../../helpers/files';
import { testBackend } from '../../../../helpers/workspace';

const spanish = createTranslator('es', 'UTC');

describe("a file an import cannot read, said in the reader's language", () => {
  it('answers the wizard with the problem as data beside its English message', async () => {
    const { client } = testBackend();
    const path = join(tempFolder(), 'vacío.csv');
    writeFileSync(path, '');
    const refused = await client.call('import.inspect', { path }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({
      code: 'refused',
      message: 'vacío.csv is empty (0 bytes)',
      problem: { code: 'file-empty', file: 'vacío.csv' },
    });
    expect(problemText((refused as ApiError).problem!, spanish.t)).toBe('vacío.csv está vacío (0 bytes)');
  });

  it("keeps the problem across the import's thread to the job's failure", async () => {
    const { client } = testBackend();
    const path = join(tempFolder(), 'fechas.csv');
    // Every date reads either way round: the import thread's plan refuses to guess.
    writeFileSync(path, 'fecha,usuario,texto\n05/03/2026,@ana,hola\n06/04/2026,@eva,adiós\n');
    const failed = await client.runJob('import.start', { path });
    expect(failed).toMatchObject({ state: 'failed', problem: { code: 'dates-ambiguous', file: 'fechas.csv' } });
    expect(failed.message).toMatch(/^fechas\.csv: the dates could be day\/month or month\/day/);
    expect(problemText(failed.problem!, spanish.t)).toMatch(
      /^fechas\.csv: las fechas pueden ser día\/mes o mes\/día \(p\. ej\. 05\/03\); elige el orden/,
    );
    expect((await client.call('workspace.info', {})).counts.messages).toBe(0);
  });

  it('names the row of a quote that never closes, in Spanish too', async () => {
    const { client } = testBackend();
    const path = join(tempFolder(), 'comillas.csv');
    writeFileSync(path, 'fecha;texto\n25/03/2026;"sin cerrar\n26/03/2026;otro\n');
    const failed = await client.runJob('import.start', { path });
    expect(failed).toMatchObject({
      state: 'failed',
      problem: { code: 'quote-unclosed', file: 'comillas.csv', row: '2' },
    });
    expect(problemText(failed.problem!, spanish.t)).toBe(
      'comillas.csv, fila 2: una celda abre unas comillas (") que nunca se cierran, así que el resto del archivo sería una sola celda; ciérralas o quita las comillas',
    );
  });

  it('names a header two columns share, and a mapped column the file lacks, in Spanish too', async () => {
    const { client } = testBackend();
    const path = join(tempFolder(), 'repetidas.csv');
    writeFileSync(path, 'Fecha;Texto;Texto\n25/03/2026;uno;dos\n');
    const repeated = await client.runJob('import.start', { path });
    expect(repeated).toMatchObject({
      state: 'failed',
      problem: { code: 'mapping-header-repeated', file: 'repetidas.csv', header: 'Texto', letters: 'B, C' },
    });
    expect(problemText(repeated.problem!, spanish.t)).toBe(
      'repetidas.csv: el encabezado «Texto» nombra 2 columnas (B, C); cámbiales el nombre para que cada una sea única',
    );
    const mapping = { columns: { text: 'Mensaje', postedAt: 'Fecha' } };
    const missing = await client.runJob('import.start', { path, mapping });
    expect(problemText(missing.problem!, spanish.t)).toBe(
      'repetidas.csv: la columna «Mensaje» (para text) no está en el archivo (columnas: Fecha, Texto, Texto)',
    );
    expect((await client.call('workspace.info', {})).counts.messages).toBe(0);
  });

  it("names a CRM deals file's row and cell it cannot read, in Spanish too", async () => {
    const { client } = testBackend();
    const path = join(tempFolder(), 'ventas.csv');
    writeFileSync(
      path,
      'Record ID,Deal Stage,Amount,Currency\nHS-9,Closed Won,1000,EUR\nHS-10,Closed Won,1000,euros\n',
    );
    const refused = await client.call('import.deals', { path }).catch((error: unknown) => error as ApiError);
    expect(refused).toMatchObject({
      code: 'refused',
      message: 'ventas.csv, row 3, column "Currency": "EUROS" is not a currency code; nothing imported',
      problem: { code: 'deal-row', row: '3', column: 'Currency', cell: { code: 'currency-unknown', value: 'EUROS' } },
    });
    expect(problemText((refused as ApiError).problem!, spanish.t)).toBe(
      'ventas.csv, fila 3, columna «Currency»: «EUROS» no es un código de moneda; no se importó nada',
    );
    writeFileSync(path, 'Nombre,Importe\nA,1\n');
    const notDeals = await client.call('import.deals', { path }).catch((error: unknown) => error as ApiError);
    expect(problemText((notDeals as ApiError).problem!, spanish.t)).toMatch(
      /^ventas\.csv: no se encuentra ninguna columna para los campos dealId, stage de la venta entre "Nombre", "Importe"/,
    );
  });

  it('names the line of a JSON Lines file that is not an object, in Spanish too', async () => {
    const { client } = testBackend();
    const path = join(tempFolder(), 'posts.jsonl');
    writeFileSync(path, '{"text":"hola","created_at":"2026-07-01"}\n[1,2]\n');
    const refused = (await client.call('import.inspect', { path }).catch((error: unknown) => error)) as ApiError;
    expect(refused).toMatchObject({
      message: 'posts.jsonl: line 2 is not a JSON object',
      problem: { code: 'jsonl-line-not-object', line: '2' },
    });
    expect(problemText(refused.problem!, spanish.t)).toBe('posts.jsonl: la línea 2 no es un objeto JSON');
  });
});
