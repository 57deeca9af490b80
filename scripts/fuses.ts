import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { FUSES } from '../electron/main/policy';

/**
 * Flips Electron's fuses (electron/main/policy.ts) in a packaged app's Electron binary, and checks they took: the
 * packaging step runs it on the binary it produced (`npm run fuses -- dist/linux-unpacked/pulso`). Never on the
 * development binary: it loads the app from out/, not from an ASAR archive.
 */
export async function setFuses(binary: string): Promise<Record<keyof typeof FUSES, boolean>> {
  const config = Object.fromEntries(Object.entries(FUSES).map(([name, on]) => [FuseV1Options[name as Fuse], on]));
  await flipFuses(binary, { version: FuseVersion.V1, ...config });
  const wire = await getCurrentFuseWire(binary);
  const set = Object.fromEntries(
    Object.keys(FUSES).map((name) => [name, String.fromCharCode(Number(wire[FuseV1Options[name as Fuse]])) === '1']),
  ) as Record<Fuse, boolean>;
  const wrong = (Object.keys(FUSES) as Fuse[]).filter((name) => set[name] !== FUSES[name]);
  if (wrong.length > 0) throw new Error(`${binary}: the fuses ${wrong.join(', ')} did not take`);
  return set;
}

type Fuse = keyof typeof FUSES;

if (process.argv[1]?.endsWith('fuses.ts')) {
  const binary = process.argv[2];
  if (!binary) {
    console.error('usage: npm run fuses -- PATH_TO_THE_PACKAGED_APP_BINARY');
    process.exit(2);
  }
  setFuses(binary).then(
    (set) => console.log(`${binary}: ${JSON.stringify(set)}`),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
