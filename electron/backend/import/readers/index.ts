import { statSync, type Stats } from 'node:fs';
import { basename, extname } from 'node:path';
import { ImportError, type FileFormat, type Reader, type ReaderOptions } from './types';

export { ImportError, records, type Reader } from './types';

/** What a request says of how to read its file (the rest of it is for the import). */
export const readerOptions = ({ part, password, headerRow, encoding }: ReaderOptions): ReaderOptions => ({
  part,
  password,
  headerRow,
  encoding,
});

const FORMATS: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.mdb': 'access',
  '.accdb': 'access',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.js': 'archive',
  '.zip': 'archive',
};

export function formatOf(path: string): FileFormat {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) throw new ImportError({ code: 'file-format', file: basename(path) });
  return format;
}

/** Opens any supported file for reading, refusing missing and empty files by name. */
/**
 * The file to import, refused unless it is a regular file: a folder, a pipe or a device (a link to
 * /dev/urandom named .csv) would be read forever.
 */
export function assertRegularFile(path: string): Stats {
  const name = basename(path);
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    throw new ImportError({ code: 'file-not-found', file: name, path });
  }
  if (stat.isDirectory()) throw new ImportError({ code: 'file-folder', file: name });
  if (!stat.isFile()) throw new ImportError({ code: 'file-not-regular', file: name });
  return stat;
}

export async function openReader(path: string, options: ReaderOptions = {}): Promise<Reader> {
  const name = basename(path);
  const size = assertRegularFile(path).size;
  const format = formatOf(path);
  if (size === 0) throw new ImportError({ code: 'file-empty', file: name });
  // Loaded on demand: the XLSX and Access libraries are large, and most imports are CSV.
  switch (format) {
    case 'csv':
      return (await import('./csv')).openCsv(path, options);
    case 'xlsx':
      return (await import('./xlsx')).openXlsx(path, options);
    case 'access':
      return (await import('./access')).openAccess(path, options);
    case 'jsonl':
      return (await import('./jsonl')).openJsonl(path);
    case 'archive':
      return (await import('./archive')).openArchive(path);
  }
}
