/** Whether an error is the disk running out of space (SQLite's or the file system's words for it). */
export function isDiskFull(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === 'SQLITE_FULL' ||
    code === 'ENOSPC' ||
    /database or disk is full|ENOSPC|no space left/i.test(String(message))
  );
}

/** What a full disk means to the user: which file, that nothing changed, what to do. */
export const diskFullMessage = (path: string): string =>
  `The disk holding ${path} is full: nothing was changed. Free some space on it and try again.`;
