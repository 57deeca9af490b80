import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempWorkspacePath } from '../helpers/workspace';
import type { PulsoBridge } from '../../shared/api/envelope';

function electronBinary(): string | null {
  try {
    return createRequire(import.meta.url)('electron') as string;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.log(
    'Electron launch test SKIPPED: the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD); it runs where `npm install` could download it.',
  );
}

describe('the Electron app', () => {
  it.skipIf(!binary)(
    'launches the built app, sandboxed, on a demo workspace',
    async () => {
      const { electronNativeBinding } = (await import(resolve('scripts/electron-native.mjs'))) as {
        electronNativeBinding(): string;
      };
      electronNativeBinding();
      const app = await electron.launch({
        executablePath: binary as string,
        args: ['.', '--no-sandbox'],
        env: { ...process.env, PULSO_WORKSPACE: tempWorkspacePath() },
      });
      try {
        const page = await app.firstWindow();
        await expect
          .poll(() => page.getByTestId('message-count').textContent(), { timeout: 30_000 })
          .toMatch(/3,000|3\.000/);
        // The page sees only the bridge: no Node, no require, no way around the contract.
        expect(
          await page.evaluate(() => [
            typeof (window as unknown as { require?: unknown }).require,
            typeof (window as unknown as { process?: unknown }).process,
            Object.keys((window as unknown as { pulso: object }).pulso)
              .sort()
              .join(),
          ]),
        ).toEqual(['undefined', 'undefined', 'invoke,onEvent']);
        const refused = await page.evaluate(() =>
          (window as unknown as { pulso: PulsoBridge }).pulso.invoke('messages.page', { offset: 0, limit: -1 }),
        );
        expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
        const opened = await page.evaluate(() => window.open('https://example.com') === null);
        expect(opened).toBe(true);
      } finally {
        await app.close();
      }
    },
    180_000,
  );
});
