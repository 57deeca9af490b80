import { z } from 'zod';
import { daySchema } from './day';
import { SOURCES, type EntityRole } from '../domain/vocabulary';
import type { InfluenceParts, TemperatureCounts, TemperatureCode } from '../domain/kpis';
import type { Granularity } from '../domain/period';

const day = daySchema;

export const kpiRequestSchema = z
  .object({
    /** Inclusive days in the workspace's time zone. */
    from: day,
    to: day,
    sources: z.array(z.enum(SOURCES)).optional(),
    entities: z.array(z.number().int().min(1)).optional(),
    topics: z.array(z.number().int().min(1)).optional(),
    /** First-response target for SLA breaches, minutes. */
    slaMinutes: z.number().int().min(1).max(100_000).optional(),
    /** Buckets of the volume series; by default days up to two months, weeks up to a year, then months. */
    granularity: z.enum(['day', 'week', 'month']).optional(),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] });
export type KpiRequest = z.infer<typeof kpiRequestSchema>;

export type Ratio = number | null;
export type ByTemperature = TemperatureCounts & { unlabeled: number };

export interface EntityKpis {
  id: number;
  name: string;
  role: EntityRole;
  mentions: number;
  byTemperature: ByTemperature;
  shareOfVoice: Ratio;
  shareOfVoiceByTemperature: Record<TemperatureCode, Ratio>;
  netTemperature: Ratio;
  meanTemperature: Ratio;
  evangelists: number;
  detractors: number;
}

export interface TopicKpis {
  id: number;
  name: string;
  mentions: number;
  byTemperature: ByTemperature;
  shareOfConversation: Record<string, Ratio>;
  shareOfConversationByTemperature: Record<string, Record<TemperatureCode, Ratio>>;
}

export interface CareKpis {
  requested: number;
  attended: number;
  resolved: number;
  firstResponseMinutes: { median: Ratio; p90: Ratio };
  resolutionHoursByType: Record<string, { count: number; median: Ratio; p90: Ratio }>;
  waiting: number;
  /** How long the cases still waiting for a first response have waited, at the period's end. */
  waitingHours: { median: Ratio; max: Ratio };
  slaMinutes: number;
  slaBreaches: number;
  /** Of the cases an SLA policy holds whose SLA is settled (resolved), the share that met every target. */
  slaHitRate: Ratio;
  /** Of the brand's replies in the period, the share that were canned. */
  cannedShare: Ratio;
  byTeam: Record<string, CareTeamKpis>;
  /** Workload per community manager: their cases (as assignee), replies, canned share and labels. */
  byAgent: Record<string, CareTeamKpis & { replies: number; cannedShare: Ratio; labeled: number }>;
}

export interface CareTeamKpis {
  requested: number;
  attended: number;
  resolved: number;
  firstResponseMinutes: Ratio;
  slaBreaches: number;
  slaHitRate: Ratio;
}

export interface CommunityKpis {
  source: string;
  channel: string;
  followersStart: number | null;
  followersEnd: number | null;
  followerGrowth: Ratio;
  membersStart: number | null;
  membersEnd: number | null;
  memberGrowth: Ratio;
  activeMemberShare: Ratio;
  posts: number;
  interactions: number;
  engagementRate: Ratio;
  engagementPerPost: Ratio;
}

export interface DemographicKpis {
  messages: number;
  byTemperature: ByTemperature;
  meanTemperature: Ratio;
}

export type KpiScope = Pick<KpiRequest, 'sources' | 'entities' | 'topics'>;

export interface VolumeKpis {
  granularity: Granularity;
  /** Every bucket of the period, empty ones too; `start` is the bucket's first day. */
  buckets: {
    start: string;
    messages: number;
    byTemperature: ByTemperature;
    bySource: Record<string, number>;
    byEntity: Record<string, number>;
  }[];
}

export interface InfluencerKpis {
  authorId: number;
  handle: string;
  name: string | null;
  source: string;
  followers: number | null;
  messages: number;
  engagement: number;
  repliesReceived: number;
  meanTemperature: Ratio;
  parts: InfluenceParts;
}

export interface KpiSummary {
  period: { from: string; to: string; timeZone: string };
  totals: { messages: number; labeled: number; unlabeled: number };
  netTemperature: Ratio;
  meanTemperature: Ratio;
  entities: { name: string; mentions: number; shareOfVoice: Ratio; netTemperature: Ratio }[];
}

export interface KpiReport extends Omit<KpiSummary, 'entities'> {
  byTemperature: ByTemperature;
  entities: EntityKpis[];
  topics: TopicKpis[];
  care: CareKpis;
  users: {
    happy: number;
    unhappy: number;
    unhappyToHappy: number;
    happyToUnhappy: number;
    authors: number;
    happyRatio: Ratio;
    unhappyRatio: Ratio;
    unhappyToHappyRatio: Ratio;
    happyToUnhappyRatio: Ratio;
  };
  community: CommunityKpis[];
  demographics: Record<'ageBand' | 'sex' | 'region', Record<string, DemographicKpis>>;
  /** The same figures for the period just before, and for the same period a year earlier. */
  /** The sources, entities and topics the figures were narrowed to (none: everything). */
  scope: KpiScope;
  volume: VolumeKpis;
  influence: { formula: string; top: InfluencerKpis[]; detractors: InfluencerKpis[] };
  previousPeriod: KpiSummary;
  yearBefore: KpiSummary;
  formulas: Record<string, string>;
}
