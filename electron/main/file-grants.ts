import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';

/** The fields of a call's input that name a file: the import's file and its rejects file. */
export const FILE_FIELDS = ['path', 'rejectsPath'] as const;

/**
 * Files the user chose in the shell's dialogs or dropped on the window, each known to the renderer by an opaque token
 * only: the renderer never names a path, so a page that went wrong cannot make the back end read or overwrite a file
 * the user did not choose (issue 25).
 */
export function createFileGrants() {
  const paths = new Map<string, string>();
  return {
    /** A token for a path the shell itself got from the user. */
    grant(path: string): { token: string; name: string } {
      const token = `pulso-file:${randomUUID()}`;
      paths.set(token, path);
      return { token, name: basename(path) };
    },
    /**
     * The renderer's input with each file field's token replaced by the path it stands for; an error message when a
     * field holds anything else.
     */
    resolve(input: unknown): { input: unknown } | { refused: string } {
      if (typeof input !== 'object' || input === null) return { input };
      const resolved: Record<string, unknown> = { ...input };
      for (const field of FILE_FIELDS) {
        const value = resolved[field];
        if (value === undefined) continue;
        const path = typeof value === 'string' ? paths.get(value) : undefined;
        if (path === undefined)
          return { refused: `${field}: a page names a file only by the token the file dialog or a drop gave it` };
        resolved[field] = path;
      }
      return { input: resolved };
    },
  };
}
export type FileGrants = ReturnType<typeof createFileGrants>;
