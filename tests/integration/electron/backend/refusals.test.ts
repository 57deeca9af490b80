import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../../shared/api/client';
import type { ApiError } from '../../../../shared/api/envelope';
import { problemText } from '../../../../shared/api/refusals';
import { createTranslator } from '../../../../shared/i18n';
import { StoreRefused } from '../../../../db/open';
import { openWorkspace } from '../../../../electron/backend/runtime/workspace-file';
import { tempFolder } from '../../../helpers/files';
import { testBackend } from '../../../helpers/workspace';

const spanish = createTranslator('es', 'UTC');

/** The back end as the app's window sees it: its client saying problems in Spanish. */
function spanishBackend() {
  const opened = testBackend();
  return { ...opened, spanishClient: createClient(opened.backend, (problem) => problemText(problem, spanish.t)) };
}

const refusal = (promise: Promise<unknown>): Promise<ApiError> =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as ApiError,
  );

describe("the back end's refusals, said in the reader's language", () => {
  it('answers with the refusal as data beside its English message, which the CLI and scripts keep', async () => {
    const { client, spanishClient } = spanishBackend();
    const big = join(tempFolder(), 'grande.png');
    writeFileSync(big, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(1_100_000)]));

    const english = await refusal(client.call('reports.setBranding', { path: big }));
    expect(english).toMatchObject({
      code: 'refused',
      message: 'The logo grande.png is larger than 1 MB: choose a smaller image',
      problem: { refusal: 'logo-too-large', name: 'grande.png' },
    });
    const said = await refusal(spanishClient.call('reports.setBranding', { path: big }));
    expect(said.message).toBe('El logotipo grande.png ocupa más de 1 MB: elige una imagen más pequeña');
    expect(said.code).toBe('refused');
  });

  it('says what a call named and the workspace lacks, keeping the not-found code', async () => {
    const { client, spanishClient } = spanishBackend();
    expect(await refusal(client.call('cases.get', { case: 12 }))).toMatchObject({
      code: 'not-found',
      message: 'No case 12',
      problem: { refusal: 'not-found', thing: 'case', id: '12' },
    });
    expect(await refusal(spanishClient.call('cases.get', { case: 12 }))).toMatchObject({
      code: 'not-found',
      message: 'No se encuentra: caso 12',
    });
    expect((await refusal(spanishClient.call('routing.remove', { rule: 3 }))).message).toBe(
      'No se encuentra: regla de enrutamiento 3',
    );
    expect((await refusal(spanishClient.call('canned.remove', { code: 'gracias' }))).message).toBe(
      'No hay ninguna respuesta guardada «gracias»',
    );
    expect((await refusal(client.call('leads.create', { name: 'X', externalIds: ['nope'] }))).message).toBe(
      'No message nope in the workspace',
    );
    expect(
      (await refusal(spanishClient.call('customers.story', { account: { source: 'twitter', handle: '@nadie' } })))
        .message,
    ).toBe('No hay ningún autor @nadie en twitter');
  });

  it("names an output by what it is, in the sentence's language", async () => {
    const { client, spanishClient, path: workspace } = spanishBackend();
    const folder = join(tempFolder(), 'informe.xlsx');
    mkdirSync(folder);
    const period = { from: '2026-07-01', to: '2026-09-30', format: 'xlsx' } as const;
    expect((await refusal(client.call('reports.write', { ...period, path: folder }))).message).toBe(
      `The report is a folder (${folder}): give a file name`,
    );
    expect((await refusal(spanishClient.call('reports.write', { ...period, path: folder }))).message).toBe(
      `El informe: ${folder} es una carpeta; indica un nombre de archivo`,
    );
    const file = join(tempFolder(), 'x.csv');
    writeFileSync(file, 'date,text\n2026-07-01,hola\n');
    const asWorkspace = await refusal(spanishClient.call('import.start', { path: file, rejectsPath: workspace }));
    expect(asWorkspace.message).toMatch(/^El archivo de rechazados: .+ es el espacio de trabajo; elige otro archivo$/);
    expect(asWorkspace.problem).toMatchObject({ refusal: 'output-is-workspace', output: 'rejects' });
  });

  it("says a name another entity has, and a job's failure, in Spanish", async () => {
    const { client, spanishClient } = spanishBackend();
    for (const name of ['Lumen', 'Onda']) {
      const saved = await client.runJob('entities.save', { name, role: 'own', aliases: [name] });
      expect(saved.state).toBe('finished');
    }
    const onda = (await client.call('entities.list', { mentions: false })).find((e) => e.name === 'Onda');
    const taken = await refusal(spanishClient.call('entities.rename', { id: onda!.id, name: 'Lumen' }));
    expect(taken.message).toBe('Ya hay otra entidad llamada «Lumen»');
    expect((await refusal(client.call('entities.rename', { id: onda!.id, name: 'Lumen' }))).message).toBe(
      'Another entity is already named "Lumen"',
    );

    // A job's failed event is said the same way: here an import thread's problem.
    const file = join(tempFolder(), 'fechas.csv');
    writeFileSync(file, 'fecha,usuario,texto\n05/03/2026,@ana,hola\n06/04/2026,@eva,adiós\n');
    const failed = await spanishClient.runJob('import.start', { path: file });
    expect(failed.state).toBe('failed');
    expect(failed.message).toMatch(/^fechas\.csv: las fechas pueden ser día\/mes o mes\/día/);
  });

  it('refuses a database that is not a workspace, with the refusal kept on the error', () => {
    const path = join(tempFolder(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x)');
    other.close();
    let error: unknown;
    try {
      openWorkspace(path, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreRefused);
    expect(error).toMatchObject({
      message: `${path} is a SQLite database but not a Pulso workspace.`,
      problem: { refusal: 'workspace-not-ours', path },
    });
    expect(problemText((error as StoreRefused).problem!, spanish.t)).toBe(
      `${path} es una base de datos SQLite, pero no un espacio de trabajo de Pulso.`,
    );
  });
});
