import { createClient } from '../../../shared/api/client';
import type { PulsoBridge } from '../../../shared/api/envelope';

declare global {
  interface Window {
    /** Exposed by the preload (the app) or the test bridge (end-to-end tests). */
    pulso: PulsoBridge;
  }
}

/** The renderer's only way to the back end. */
export const api = createClient(window.pulso);
