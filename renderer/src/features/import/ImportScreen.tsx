import { useCallback, useEffect, useState } from 'react';
import {
  MAX_HEADER_ROW,
  TEXT_ENCODINGS,
  type ImportInspection,
  type TextEncoding,
} from '../../../../shared/api/import';
import type { Mapping } from '../../../../shared/domain/import/mapping';
import { problemText, type Problem } from '../../../../shared/api/refusals';
import type { MessageKey } from '../../../../shared/i18n';
import { ApiError, isPending } from '../../../../shared/api/envelope';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { formatDuration } from '../../components/format';
import { Batches } from './Batches';
import { AdSpendImport } from './AdSpendImport';
import { DealsImport } from './DealsImport';
import { DroppedGuesses, FileDefaults } from './FileDefaults';
import { MappingTable } from './MappingTable';
import { ValueTables } from './ValueTables';
import { rates, useImportJob } from './useImportJob';

interface Props {
  /** A file dropped on the window: its token (the page never sees its path) and name. */
  dropped: { path: string; name: string } | null;
  onOpenBatch(batch: number): void;
}

const ENCODING_NAMES: Record<TextEncoding, string> = {
  utf8: 'UTF-8',
  windows1252: 'Windows-1252 (Latin-1)',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
};

/** The file being imported and what the user chose for it so far (sheet, password, header row, preset or mapping). */
interface ChosenFile {
  /** The token the file dialog or the drop gave: the main process alone knows the path. */
  path: string;
  part?: string | undefined;
  password?: string | undefined;
  headerRow?: number | undefined;
  encoding?: TextEncoding | undefined;
  preset?: string | undefined;
  mapping?: Mapping | undefined;
}

/** The import wizard: file → sheet/table → mapping with preview → import with progress → summary. */
export function ImportScreen({ dropped, onOpenBatch }: Props) {
  const { t, number } = useI18n();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileName, setFileName] = useState('');
  const [inspection, setInspection] = useState<ImportInspection | null>(null);
  /** Why the file cannot be read: a problem is said in the UI's language as it changes, a message as it came. */
  const [error, setError] = useState<{ message: string; problem?: Problem | undefined } | null>(null);
  /** The message asking for an Access database's password, while one is needed. */
  const [passwordAsk, setPasswordAsk] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [presetName, setPresetName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [rejectsPath, setRejectsPath] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  /** Batches undone from this screen: their summary no longer offers to open them. */
  const [undone, setUndone] = useState<number[]>([]);
  const job = useImportJob();

  const presetList = useApi('presets.list', {});
  const presets = presetList.data ?? [];
  useEffect(() => {
    if (!dropped) return;
    setFile({ path: dropped.path });
    setFileName(dropped.name);
  }, [dropped]);
  useEffect(() => {
    if (!file) return;
    let current = true;
    setError(null);
    setPasswordAsk(null);
    api
      .call('import.inspect', file)
      .then((result) => current && setInspection(result))
      .catch((e: Error) => {
        if (!current) return;
        setInspection(null);
        if (e instanceof ApiError && e.code === 'password-required') setPasswordAsk(e.message);
        else setError({ message: e.message, problem: e instanceof ApiError ? e.problem : undefined });
      });
    return () => {
      current = false;
    };
  }, [file]);
  useEffect(() => {
    if (job.run.state !== 'running') return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [job.run.state]);

  const choose = useCallback(async () => {
    const { path, name } = await api.call('files.choose', { purpose: 'import' });
    if (path) {
      job.reset();
      setFile({ path });
      setFileName(name ?? '');
    }
  }, [job]);

  const chooseRejects = async (wanted: boolean): Promise<void> => {
    if (!wanted) return setRejectsPath(null);
    const { path } = await api.call('files.choose', { purpose: 'rejects', suggestedName: 'rejected-rows.csv' });
    setRejectsPath(path);
  };

  const savePreset = async (): Promise<void> => {
    if (!inspection || !presetName.trim()) return;
    const name = presetName.trim();
    const saved = await api.call('presets.save', { name, mapping: inspection.mapping });
    presetList.reload();
    setNotice(t(isPending(saved) ? 'writes.keptPreset' : 'import.presetSaved', { name }));
    setPresetName('');
  };

  const startImport = (): void => {
    if (!file || !inspection) return;
    setNow(Date.now());
    void job.start({
      path: file.path,
      part: inspection.part ?? undefined,
      password: file.password,
      headerRow: file.headerRow,
      encoding: file.encoding,
      mapping: inspection.mapping,
      ...(rejectsPath ? { rejectsPath } : {}),
    });
  };

  const run = job.run;
  if (run.state === 'running') {
    const { rate, secondsLeft } = rates(run, now);
    return (
      <section className="import-screen" aria-label={t('import.title')}>
        <h1>
          {t('import.title')}: {inspection?.file}
        </h1>
        <progress className="big-progress" max={run.total} value={run.done} aria-label={t('import.title')} />
        <p data-testid="import-progress">
          {run.stage === 'starting' || (run.stage === undefined && run.rows === 0)
            ? t('import.starting', { seconds: Math.max(0, Math.floor((now - run.startedAt) / 1000)) })
            : run.stage === 'indexing'
              ? t('import.indexing', { rows: run.rows, done: run.done, total: run.total })
              : run.stage === 'waiting'
                ? t('import.waiting')
                : t('import.progress', {
                    rows: run.rows,
                    rate,
                    left: secondsLeft === null ? '…' : formatDuration(secondsLeft),
                  })}
        </p>
        <button onClick={job.cancel}>{t('import.cancel')}</button>
      </section>
    );
  }
  if (run.state === 'finished') {
    const { summary } = run;
    return (
      <section className="import-screen" aria-label={t('import.title')}>
        <h1>
          {t('import.title')}: {summary.file}
        </h1>
        <p className="summary" data-testid="import-summary">
          {summary.new === 0 && summary.rejected === 0 && summary.duplicate > 0
            ? t('import.allThere', { count: number(summary.duplicate) })
            : t('import.summary', { new: summary.new, duplicate: summary.duplicate, rejected: summary.rejected })}
        </p>
        <DroppedGuesses dropped={summary.dropped} />
        {summary.rejectsPath && summary.rejected > 0 && <p>{t('import.rejectsTo', { path: summary.rejectsPath })}</p>}
        {summary.implausibleDates > 0 && (
          <p className="notice warning" role="status" data-testid="implausible-dates">
            {t('import.implausibleDates', { count: summary.implausibleDates })}
          </p>
        )}
        {summary.sameFileAs.length > 0 && (
          <p className="notice warning" role="status" data-testid="same-file">
            {t('import.sameFile', { batches: summary.sameFileAs.map((id) => `#${id}`).join(', ') })}
          </p>
        )}
        <div className="actions">
          {!undone.includes(summary.batch) && (
            <button className="primary" onClick={() => onOpenBatch(summary.batch)}>
              {t('import.openBatch')}
            </button>
          )}
          <button
            onClick={() => {
              job.reset();
              setFile(null);
              setInspection(null);
            }}
          >
            {t('import.again')}
          </button>
        </div>
        <Batches onUndone={(batch) => setUndone((list) => [...list, batch])} />
      </section>
    );
  }

  const blocked =
    !inspection ||
    inspection.missing.length > 0 ||
    inspection.open.dateOrder !== null ||
    inspection.open.temperatureScale !== null;
  return (
    <section className="import-screen" aria-label={t('import.title')}>
      <header className="toolbar">
        <h1>{t('import.title')}</h1>
        <button className="primary" onClick={() => void choose()}>
          {t('import.choose')}
        </button>
        <span className="hint">{window.pulso.dropFile ? t('import.drop') : ''}</span>
      </header>
      {run.state === 'cancelled' && (
        <p className="notice" role="status">
          {t('import.cancelled')}
        </p>
      )}
      {run.state === 'failed' && (
        <div className="error" role="alert">
          <b>{t('import.failed')}</b>
          <pre>{run.problem ? problemText(run.problem, t) : run.message}</pre>
        </div>
      )}
      {error && (
        <div className="error" role="alert">
          <pre>{error.problem ? problemText(error.problem, t) : error.message}</pre>
          {file?.headerRow !== undefined && (
            <button onClick={() => setFile({ ...file, headerRow: undefined })}>{t('import.headerRowReset')}</button>
          )}
          {file && /\.(csv|tsv|txt)$/i.test(fileName) && (
            <EncodingSelect value={file.encoding ?? 'utf8'} onChange={(encoding) => setFile({ ...file, encoding })} />
          )}
        </div>
      )}
      {passwordAsk && file && (
        <form
          className="password-ask"
          onSubmit={(e) => {
            e.preventDefault();
            setFile({ ...file, password });
          }}
        >
          <p role="alert">{passwordAsk}</p>
          <label>
            {t('import.password')}{' '}
            <input type="password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <button className="primary" type="submit" disabled={password === ''}>
            {t('import.open')}
          </button>
        </form>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {inspection && file && (
        <>
          <div className="import-options">
            <span>
              <b>{t('import.file')}:</b> {inspection.file}{' '}
              <small>
                (
                {t('import.format', {
                  format: inspection.format.toUpperCase(),
                  // Named as the encoding's choice names it.
                  encoding:
                    (ENCODING_NAMES as Partial<Record<string, string>>)[inspection.encoding ?? ''] ??
                    inspection.encoding ??
                    '—',
                  delimiter: inspection.delimiter === '\t' ? 'TAB' : (inspection.delimiter ?? '—'),
                })}
                )
              </small>{' '}
              <b data-testid="row-count">
                {t(inspection.rows.exact ? 'import.rowCount' : 'import.rowCountAbout', {
                  count: inspection.rows.count,
                })}
              </b>
            </span>
            {inspection.parts.length > 1 && (
              <label>
                {t('import.part')}{' '}
                <select
                  value={inspection.part ?? ''}
                  onChange={(e) => setFile({ path: file.path, password: file.password, part: e.target.value })}
                >
                  {inspection.parts.map((part) => (
                    <option key={part}>{part}</option>
                  ))}
                </select>
              </label>
            )}
            {inspection.format === 'csv' && (
              <EncodingSelect
                value={file.encoding ?? (inspection.encoding as TextEncoding | null) ?? 'utf8'}
                onChange={(encoding) => setFile({ ...file, encoding })}
              />
            )}
            {inspection.headerRow !== null && (
              <label>
                {t('import.headerRow')}{' '}
                {/* Other column names: the mapping is found again for them (a preset's stays). */}
                <input
                  type="number"
                  min={1}
                  max={MAX_HEADER_ROW}
                  className="header-row"
                  value={inspection.headerRow}
                  onChange={(e) => {
                    const row = Number(e.target.value);
                    if (Number.isInteger(row) && row >= 1 && row <= MAX_HEADER_ROW)
                      setFile({
                        path: file.path,
                        password: file.password,
                        part: file.part,
                        preset: file.preset,
                        encoding: file.encoding,
                        headerRow: row,
                      });
                  }}
                />
              </label>
            )}
            <label>
              {t('import.preset')}{' '}
              <select
                value={file.preset ?? ''}
                onChange={(e) =>
                  setFile({
                    path: file.path,
                    password: file.password,
                    part: file.part,
                    headerRow: file.headerRow,
                    preset: e.target.value || undefined,
                  })
                }
              >
                <option value="">{t('import.presetNone')}</option>
                {presets.map((preset) => (
                  <option key={preset.name} value={preset.name}>
                    {preset.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('import.dateOrder')}{' '}
              <select
                value={inspection.mapping.dateOrder ?? ''}
                onChange={(e) =>
                  setFile({
                    ...file,
                    mapping: {
                      ...inspection.mapping,
                      dateOrder: (e.target.value || undefined) as Mapping['dateOrder'],
                    },
                  })
                }
              >
                <option value="">—</option>
                <option value="dmy">{t('import.dmy')}</option>
                <option value="mdy">{t('import.mdy')}</option>
              </select>
            </label>
            {inspection.mapping.columns.temperature &&
              (inspection.mapping.temperatureScale || inspection.open.temperatureScale) && (
                <label>
                  {t('import.temperatureScale')}{' '}
                  <select
                    value={inspection.mapping.temperatureScale ?? ''}
                    onChange={(e) =>
                      setFile({
                        ...file,
                        mapping: {
                          ...inspection.mapping,
                          temperatureScale: (e.target.value || undefined) as Mapping['temperatureScale'],
                        },
                      })
                    }
                  >
                    <option value="">—</option>
                    <option value="signed">{t('import.scaleSigned')}</option>
                    <option value="five">{t('import.scaleFive')}</option>
                  </select>
                </label>
              )}
          </div>
          {inspection.open.temperatureScale && (
            <p className="warning" role="alert">
              {t('import.scaleAsk')}
            </p>
          )}
          {inspection.open.dateOrder && (
            <p className="warning" role="alert">
              {t('import.dateOrderAsk')}
            </p>
          )}
          {inspection.missing.length > 0 && (
            <p className="warning" role="alert">
              {t('import.missing', { fields: inspection.missing.map((f) => t(`field.${f}` as MessageKey)).join(', ') })}
            </p>
          )}
          {inspection.implausibleDates > 0 && (
            <p className="notice warning" role="status">
              {t('import.implausibleDates', { count: inspection.implausibleDates })}
            </p>
          )}
          {inspection.emptyText && (
            <p className="warning" role="alert" data-testid="empty-text">
              {t('import.emptyText', inspection.emptyText)}
            </p>
          )}
          {inspection.headerRow === 0 && (
            <p className="notice" role="status" data-testid="no-header">
              {t('import.noHeader')}
            </p>
          )}
          {inspection.descriptionRow !== null && (
            <p className="notice" role="status" data-testid="description-row">
              {t('import.descriptionRow', { row: inspection.descriptionRow })}
            </p>
          )}
          <DealsImport key={file.path} path={file.path} part={inspection.part} headers={inspection.headers} />
          <AdSpendImport
            key={`ads-${file.path}`}
            path={file.path}
            part={inspection.part}
            headers={inspection.headers}
            dateOrder={inspection.mapping.dateOrder}
          />
          <DroppedGuesses dropped={inspection.dropped} />
          <FileDefaults inspection={inspection} onChange={(mapping) => setFile({ ...file, mapping })} />
          <ValueTables inspection={inspection} onChange={(mapping) => setFile({ ...file, mapping })} />
          <MappingTable inspection={inspection} onChange={(mapping) => setFile({ ...file, mapping })} />
          <div className="actions">
            <label>
              <input
                type="checkbox"
                checked={rejectsPath !== null}
                onChange={(e) => void chooseRejects(e.target.checked)}
              />{' '}
              {t('import.rejects')}
            </label>
            {rejectsPath && <small>{rejectsPath}</small>}
            <span className="spacer" />
            <input
              aria-label={t('import.presetName')}
              placeholder={t('import.presetName')}
              value={presetName}
              onChange={(e) => setPresetName(e.target.value)}
            />
            <button onClick={() => void savePreset()} disabled={!presetName.trim()}>
              {t('import.savePreset')}
            </button>
            <button className="primary" disabled={blocked} onClick={startImport}>
              {t('import.start')}
            </button>
          </div>
        </>
      )}
      {!inspection && <Batches />}
    </section>
  );
}

/** A CSV's encoding, where the guess is wrong: a file that mixes encodings is refused until one is chosen. */
function EncodingSelect({ value, onChange }: { value: TextEncoding; onChange(encoding: TextEncoding): void }) {
  const { t } = useI18n();
  return (
    <label>
      {t('import.encoding')}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as TextEncoding)}>
        {TEXT_ENCODINGS.map((encoding) => (
          <option key={encoding} value={encoding}>
            {ENCODING_NAMES[encoding]}
          </option>
        ))}
      </select>
    </label>
  );
}
