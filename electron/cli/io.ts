import type { JobEvent } from '../../shared/api/envelope';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Whether stderr is a terminal (progress bars only there). */
  interactive: boolean;
  /** Writes to stderr as it is: a progress bar redraws its line with a carriage return. */
  redraw(text: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: Boolean(process.stderr.isTTY),
  redraw: (text) => process.stderr.write(text),
};

/**
 * A one-line progress bar on stderr, redrawn in place; a job's next stage (an import's index
 * building) starts a line of its own, and the job's end ends the last.
 */
export function progressPrinter(io: Io, label: string): (event: JobEvent) => void {
  const started = Date.now();
  let drawn: { stage: JobEvent['stage'] } | null = null;
  return (event) => {
    if (!io.interactive) return;
    // The opening line is overwritten by the first rows; the index building keeps the reading's line above it.
    if (drawn && (event.state !== 'progress' || (event.stage !== drawn.stage && drawn.stage !== 'starting'))) {
      io.redraw('\n');
      drawn = null;
    }
    if (event.state !== 'progress' || !event.total) return;
    const done = event.done ?? 0;
    const share = Math.min(1, done / event.total);
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
    drawn = { stage: event.stage };
    if (event.stage === 'starting') {
      io.redraw(`\r${label}: opening the file…`.padEnd(90));
      return;
    }
    if (event.stage === 'indexing') {
      io.redraw(`\r${label}: building indexes [${bar}] ${done} of ${event.total}`.padEnd(90));
      return;
    }
    if (event.rows === undefined) {
      // A job of steps, not rows (a report): the bar and the share.
      io.redraw(`\r${label} [${bar}] ${Math.round(share * 100)}%   `);
      return;
    }
    const seconds = (Date.now() - started) / 1000;
    const count = event.rows;
    const rate = seconds > 0 ? Math.round(count / seconds) : 0;
    const left = share > 0.01 ? Math.round((seconds / share) * (1 - share)) : null;
    io.redraw(
      `\r${label} [${bar}] ${Math.round(share * 100)}% · ${count} rows · ${rate} rows/s${left === null ? '' : ` · ${left} s left`}   `,
    );
  };
}
