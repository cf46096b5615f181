import type { SurveyStatus } from '@pulse/shared/schemas/surveys';
import { staleRevisionDetail } from '@pulse/shared/schemas/surveys';

import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { SurveyModel, type SurveyDoc } from './survey.model';
import { SurveyVersionModel, versionIdOf, type SurveyVersionDoc } from './survey-version.model';
import { parseStored } from './surveys.presenter';
import { actorLabel, auditSurvey, loadSurvey } from './surveys.service';

/**
 * Publishing freezes the draft at `revision` as the next version and makes it current.
 *
 * Without transactions: the version is written first under `<surveyId>.v<n>`, then the survey is
 * moved to it by a conditional update (same revision, same current version). A crash between the
 * two leaves a version nobody reads (readers go through the survey's currentVersion); the next
 * publish reuses the slot if its revision is newer, or keeps it if it froze the same revision.
 */
export async function publishSurvey(ctx: Ctx, surveyId: string, revision: number): Promise<SurveyDoc> {
  const survey = await loadSurvey(ctx, surveyId);
  if (survey.status === 'archived') throw new AppError('conflict', 'An archived survey cannot be published');
  if (survey.revision !== revision) {
    throw new AppError('conflict', 'Someone saved this survey since you opened it', [
      staleRevisionDetail(survey.revision),
    ]);
  }
  if (survey.publishedRevision === revision)
    throw new AppError('conflict', 'Nothing changed since the current version');
  // Stored drafts were validated when saved; parsing again applies rules added since.
  const definition = parseStored(survey.draft);
  const version = (survey.currentVersion ?? 0) + 1;
  const frozen: SurveyVersionDoc & { _id: string } = {
    _id: versionIdOf(surveyId, version),
    organisationId: survey.organisationId,
    surveyId: survey._id,
    version,
    revision,
    name: survey.name,
    definition: JSON.stringify(definition),
    publishedAt: new Date(),
    publishedBy: actorLabel(ctx.actor),
  };
  await writeVersion(ctx, frozen);

  const published = await SurveyModel.findOneAndUpdate(
    { _id: surveyId, organisationId: ctx.organisationId, revision, currentVersion: survey.currentVersion ?? null },
    {
      $set: {
        currentVersion: version,
        publishedRevision: revision,
        ...(survey.status === 'draft' && { status: 'active' }),
      },
    },
    { returnDocument: 'after', timestamps: false },
  ).lean<SurveyDoc>();
  if (!published) throw new AppError('conflict', 'The survey changed while publishing: reload and publish again');
  await auditSurvey(ctx, 'survey.published', published, { version });
  return published;
}

async function writeVersion(ctx: Ctx, frozen: SurveyVersionDoc & { _id: string }) {
  try {
    await SurveyVersionModel.create(frozen);
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    const existing = await SurveyVersionModel.findOne({ _id: frozen._id, organisationId: ctx.organisationId }).lean();
    if (existing && existing.revision === frozen.revision) return;
    // An older revision in the slot: a publish that died before making it current. A newer one:
    // a concurrent publish of a later draft, which wins.
    if (!existing || existing.revision > frozen.revision)
      throw new AppError('conflict', 'Someone published this survey at the same time');
    const replaced = await SurveyVersionModel.replaceOne(
      { _id: frozen._id, organisationId: ctx.organisationId, revision: existing.revision },
      frozen,
    );
    if (replaced.matchedCount !== 1) throw new AppError('conflict', 'Someone published this survey at the same time');
  }
}

const TRANSITIONS = {
  pause: { from: ['active'], to: 'paused', action: 'survey.paused' },
  resume: { from: ['paused'], to: 'active', action: 'survey.resumed' },
  archive: { from: ['draft', 'active', 'paused'], to: 'archived', action: 'survey.archived' },
} as const satisfies Record<string, { from: SurveyStatus[]; to: SurveyStatus; action: string }>;

export type SurveyTransition = keyof typeof TRANSITIONS;

/** Moves the status by a conditional update, so two people pausing at once cannot both "win". */
export async function transitionSurvey(ctx: Ctx, surveyId: string, transition: SurveyTransition): Promise<SurveyDoc> {
  const rule = TRANSITIONS[transition];
  const survey = await loadSurvey(ctx, surveyId);
  const updated = (rule.from as readonly SurveyStatus[]).includes(survey.status)
    ? await SurveyModel.findOneAndUpdate(
        { _id: surveyId, organisationId: ctx.organisationId, status: survey.status },
        { $set: { status: rule.to } },
        { returnDocument: 'after' },
      ).lean<SurveyDoc>()
    : null;
  if (!updated)
    throw new AppError(
      'conflict',
      `A ${survey.status} survey cannot be ${transition === 'archive' ? 'archived' : `${transition}d`}`,
    );
  await auditSurvey(ctx, rule.action, updated, { from: survey.status, to: rule.to });
  return updated;
}
