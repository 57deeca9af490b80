import type { MessageFilter } from '../api/messages';
import { bucketStart } from './period';

export const BUILTIN_VIEWS = ['unlabeledThisWeek', 'angryWithoutCase', 'unlabeled', 'cases'] as const;
export type BuiltinView = (typeof BUILTIN_VIEWS)[number];

/** The views every workspace has, for the day it is in the workspace's zone (weeks start on Monday). */
export function builtinView(view: BuiltinView, today: string): MessageFilter {
  switch (view) {
    case 'unlabeledThisWeek':
      return { from: bucketStart(today, 'week'), to: today, temperatures: ['unlabeled'], kinds: ['none'] };
    case 'angryWithoutCase':
      return { temperatures: [-2, -1], hasCase: false };
    case 'unlabeled':
      return { temperatures: ['unlabeled'], kinds: ['none'] };
    case 'cases':
      return { hasCase: true };
  }
}
