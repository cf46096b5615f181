import mongoose, { type Types } from 'mongoose';

import type { CaseStatus } from '@pulse/shared/schemas/cases';

import type { Ctx } from '../../lib/context';
import { CaseModel } from './case.model';

/**
 * The SLA clock the SLA work adds to each case (`case.sla`); read here only, so the report works
 * before and after that field exists (a case without it is outside "% within SLA").
 */
export interface CaseSla {
  policyId?: unknown;
  clock?: string;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstRespondedAt: Date | null;
  breachedAt: Date | null;
}

/** What the closed-loop report reads of a case. */
export interface CaseFacts {
  _id: Types.ObjectId;
  responseId: Types.ObjectId;
  status: CaseStatus;
  createdAt: Date;
  firstReplyAt: Date | null;
  closedAt: Date | null;
  timeline: { kind: string; at: Date; from: string | null; to: string | null }[];
  sla?: CaseSla | null;
}

/** Cases by their ids (derived from their responses): `_id` reads, the cheap kind on every database. */
export async function casesByIds(ctx: Ctx, ids: readonly Types.ObjectId[]): Promise<CaseFacts[]> {
  if (ids.length === 0) return [];
  return CaseModel.find({ organisationId: ctx.organisationId, _id: mongoose.trusted({ $in: ids }) })
    .select({ responseId: 1, status: 1, createdAt: 1, firstReplyAt: 1, closedAt: 1, timeline: 1, sla: 1 })
    .lean<CaseFacts[]>();
}
