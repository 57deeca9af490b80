import type { JobEvent } from '../../shared/api/envelope';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Whether stderr is a terminal (progress bars only there). */
  interactive: boolean;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: Boolean(process.stderr.isTTY),
};

/** A one-line progress bar on stderr, redrawn in place. */
export function progressPrinter(io: Io, label: string): (event: JobEvent) => void {
  const started = Date.now();
  return (event) => {
    if (!io.interactive || event.state !== 'progress' || !event.total) return;
    const done = event.done ?? 0;
    const share = done / event.total;
    const seconds = (Date.now() - started) / 1000;
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
    if (event.stage === 'indexing') {
      process.stderr.write(`\r${label}: building indexes [${bar}] ${done} of ${event.total}`.padEnd(90));
      if (done >= event.total) process.stderr.write('\n');
      return;
    }
    const count = event.rows ?? done;
    const rate = seconds > 0 ? Math.round(count / seconds) : 0;
    const left = share > 0.01 ? Math.round((seconds / share) * (1 - share)) : null;
    process.stderr.write(`\r${label} [${bar}] ${Math.round(share * 100)}% · ${count} rows · ${rate} rows/s${left === null ? '' : ` · ${left} s left`}   `);
    if (done >= event.total) process.stderr.write('\n');
  };
}
