import { careFunnel, resolutionByType } from './care';
import { communityGrowth } from './community';
import { demographicsChart } from './demographics';
import { topDetractors, topInfluencers } from './influence';
import { shareOfConversation } from './share-of-conversation';
import { shareOfVoice } from './share-of-voice';
import { sovByTemperature } from './sov-by-temperature';
import { temperatureOverTime } from './temperature-over-time';
import { localAxes, type ChartModule } from './types';
import { userFlows } from './users';

export type { ChartModule, ChartSpec } from './types';

/** Every chart of the dashboard, in its order; the Excel deck takes its charts from here too. */
const MODULES: readonly ChartModule[] = [
  temperatureOverTime,
  shareOfVoice,
  sovByTemperature,
  shareOfConversation,
  careFunnel,
  resolutionByType,
  userFlows,
  communityGrowth,
  demographicsChart('ageBand'),
  demographicsChart('sex'),
  demographicsChart('region'),
  topInfluencers,
  topDetractors,
];

/** Each with its value axes' numbers in the UI's language (50.000 in Spanish), whatever the module set. */
export const CHARTS: readonly ChartModule[] = MODULES.map((module) => ({
  ...module,
  build(report, t) {
    const spec = module.build(report, t);
    return { ...spec, option: localAxes(spec.option, t) };
  },
}));
