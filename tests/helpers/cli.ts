import type { Io } from '../../electron/cli/io';
import { main } from '../../electron/cli/main';

/** Runs the CLI in this process, as a script would run `pulso`: its exit code and what it printed. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (line) => (out += `${line}\n`),
    err: (line) => (err += `${line}\n`),
    interactive: false,
    redraw: () => undefined,
  };
  const code = await main(args, io);
  return { code, out, err };
}
