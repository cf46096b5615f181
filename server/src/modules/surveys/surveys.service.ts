import { randomInt } from 'node:crypto';

import mongoose, { Types } from 'mongoose';

import type { SurveyDefinition } from '@pulse/shared/schemas/survey-definition';
import {
  staleRevisionDetail,
  type CreateSurveyBody,
  type ListSurveysQuery,
  type SurveyStatus,
  type UpdateSurveyBody,
} from '@pulse/shared/schemas/surveys';
import { blankDefinition } from '@pulse/shared/surveys/blank';
import { templateDefinition } from '@pulse/shared/surveys/templates';

import type { Actor, Ctx } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { SurveyKeyModel } from './survey-key.model';
import { SurveyModel, type SurveyDoc } from './survey.model';
import { SurveyVersionModel, versionIdOf } from './survey-version.model';
import { parseStored } from './surveys.presenter';

export const actorLabel = (actor: Actor) =>
  actor.kind === 'user' ? actor.name : actor.kind === 'apiKey' ? `API key "${actor.name}"` : actor.name;

/**
 * Every change of a survey is a domain event (survey.created, .updated, .published, .paused,
 * .resumed, .archived, .duplicated) carrying ids only; the audit log is one of its subscribers.
 */
export const auditSurvey = (
  ctx: Ctx,
  action: Extract<Parameters<typeof audit>[1], `survey.${string}`>,
  survey: Pick<SurveyDoc, '_id' | 'name'>,
  details?: Record<string, string | number>,
  ids: Record<string, string> = {},
) => audit(ctx, action, survey.name, details, { surveyId: String(survey._id), ...ids });

/** Missing, malformed and another organisation's id all read as the same 404. */
export async function loadSurvey(ctx: Ctx, surveyId: string): Promise<SurveyDoc> {
  const survey = Types.ObjectId.isValid(surveyId)
    ? await SurveyModel.findOne({ _id: surveyId, organisationId: ctx.organisationId }).lean<SurveyDoc>()
    : null;
  if (!survey) throw notFound('Survey');
  return survey;
}

const KEY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
// 12 characters of 56: ~70 bits, enough that keys cannot be enumerated.
const newKey = () => Array.from({ length: 12 }, () => KEY_ALPHABET[randomInt(KEY_ALPHABET.length)]).join('');

function definitionFor(body: CreateSurveyBody): { definition: SurveyDefinition; templateId: string | null } {
  if (body.definition) return { definition: body.definition, templateId: null };
  if (body.kind) return { definition: blankDefinition(body.kind), templateId: null };
  const definition = templateDefinition(body.templateId!, body.languages);
  if (!definition) {
    throw new AppError('validation_failed', 'The request is not valid', [
      { path: 'body.templateId', message: 'is not a template' },
    ]);
  }
  return { definition, templateId: body.templateId! };
}

export async function createSurvey(ctx: Ctx, body: CreateSurveyBody): Promise<SurveyDoc> {
  const { definition, templateId } = definitionFor(body);
  const survey = await insertSurvey(ctx, { name: body.name, definition, templateId });
  await auditSurvey(ctx, 'survey.created', survey, templateId ? { template: templateId } : undefined);
  return survey;
}

async function insertSurvey(
  ctx: Ctx,
  input: { name: string; definition: SurveyDefinition; templateId: string | null },
) {
  const _id = new Types.ObjectId();
  const key = newKey();
  // The key first: a crash in between leaves an unused key, never a survey without its link.
  await SurveyKeyModel.create({ _id: key, organisationId: ctx.organisationId, surveyId: _id });
  const survey = await SurveyModel.create({
    _id,
    organisationId: ctx.organisationId,
    key,
    name: input.name,
    kind: input.definition.primary.kind,
    templateId: input.templateId,
    draft: JSON.stringify(input.definition),
    languages: input.definition.languages,
    createdBy: actorLabel(ctx.actor),
  });
  return survey.toObject() as SurveyDoc;
}

export async function duplicateSurvey(ctx: Ctx, surveyId: string): Promise<SurveyDoc> {
  const source = await loadSurvey(ctx, surveyId);
  const name = `${source.name} (copy)`.slice(0, 120);
  const copy = await insertSurvey(ctx, {
    name,
    definition: parseStored(source.draft),
    templateId: source.templateId ?? null,
  });
  await auditSurvey(ctx, 'survey.duplicated', copy, undefined, { sourceSurveyId: String(source._id) });
  return copy;
}

/**
 * Saves the draft if nobody saved since `revision`; otherwise 409 naming the current revision,
 * and the first writer's draft stays. Editing an active survey edits the next version's draft.
 */
export async function updateDraft(ctx: Ctx, surveyId: string, body: UpdateSurveyBody): Promise<SurveyDoc> {
  const current = await loadSurvey(ctx, surveyId);
  if (current.status === 'archived') throw new AppError('conflict', 'An archived survey cannot be edited');
  if (body.definition.primary.kind !== current.kind) {
    throw new AppError('validation_failed', 'The request is not valid', [
      {
        path: 'body.definition.primary.kind',
        message: `must stay ${current.kind.toUpperCase()}: duplicate the survey to ask another metric`,
      },
    ]);
  }
  const updated = await SurveyModel.findOneAndUpdate(
    {
      _id: surveyId,
      organisationId: ctx.organisationId,
      revision: body.revision,
      status: mongoose.trusted({ $ne: 'archived' }),
    },
    {
      $set: {
        draft: JSON.stringify(body.definition),
        languages: body.definition.languages,
        ...(body.name && { name: body.name }),
      },
      $inc: { revision: 1 },
    },
    { returnDocument: 'after' },
  ).lean<SurveyDoc>();
  if (!updated) {
    const now = await loadSurvey(ctx, surveyId);
    throw new AppError('conflict', 'Someone saved this survey since you opened it', [
      staleRevisionDetail(now.revision),
    ]);
  }
  await auditSurvey(ctx, 'survey.updated', updated, { revision: updated.revision });
  return updated;
}

export async function listSurveys(ctx: Ctx, query: ListSurveysQuery) {
  const filter: Record<string, unknown> = { organisationId: ctx.organisationId };
  if (query.status) filter.status = query.status;
  if (query.search) filter.name = mongoose.trusted({ $regex: escapeRegex(query.search), $options: 'i' });
  if (query.cursor && Types.ObjectId.isValid(query.cursor)) {
    filter._id = mongoose.trusted({ $lt: new Types.ObjectId(query.cursor) });
  }
  const surveys = await SurveyModel.find(filter)
    .select({ draft: 0 })
    .sort({ _id: -1 })
    .limit(query.limit + 1)
    .lean<SurveyDoc[]>();
  const page = surveys.slice(0, query.limit);
  return { surveys: page, nextCursor: surveys.length > query.limit ? String(page.at(-1)!._id) : null };
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function listVersions(ctx: Ctx, surveyId: string) {
  await loadSurvey(ctx, surveyId);
  return SurveyVersionModel.find({ organisationId: ctx.organisationId, surveyId })
    .select({ definition: 0 })
    .sort({ version: -1 })
    .lean();
}

/** A published version as it was frozen; null when the survey or version does not exist here. */
export async function getSurveyVersion(ctx: Ctx, surveyId: string, version: number) {
  if (!Types.ObjectId.isValid(surveyId)) return null;
  const found = await SurveyVersionModel.findOne({
    _id: versionIdOf(surveyId, version),
    organisationId: ctx.organisationId,
  }).lean();
  if (!found) return null;
  // Only versions their survey made current exist for readers (a crashed publish leaves none).
  const survey = await SurveyModel.findOne({ _id: surveyId, organisationId: ctx.organisationId })
    .select({ currentVersion: 1 })
    .lean();
  return survey && (survey.currentVersion ?? 0) >= version ? found : null;
}

export interface SendableSurvey {
  id: string;
  key: string;
  name: string;
  status: SurveyStatus;
  version: number;
  definition: SurveyDefinition;
}

/** The current published version, for invitations, web links and the widget; null if never published. */
export async function getSendableSurvey(ctx: Ctx, surveyId: string): Promise<SendableSurvey | null> {
  if (!Types.ObjectId.isValid(surveyId)) return null;
  const survey = await SurveyModel.findOne({ _id: surveyId, organisationId: ctx.organisationId })
    .select({ draft: 0 })
    .lean<SurveyDoc>();
  if (!survey?.currentVersion) return null;
  const version = await SurveyVersionModel.findOne({
    _id: versionIdOf(surveyId, survey.currentVersion),
    organisationId: ctx.organisationId,
  }).lean();
  if (!version) return null;
  return {
    id: surveyId,
    key: survey.key,
    name: survey.name,
    status: survey.status,
    version: version.version,
    definition: parseStored(version.definition),
  };
}

/**
 * The one deliberate cross-tenant read of surveys: a web link's key names its organisation.
 * Returns which organisation and survey, so the caller continues with a context for that tenant.
 */
export async function resolveSurveyKey(key: string): Promise<{ organisationId: string; surveyId: string } | null> {
  if (!/^[A-Za-z0-9]{12}$/.test(key)) return null;
  const found = await SurveyKeyModel.findById(key).setOptions({ crossTenant: true }).lean();
  return found ? { organisationId: String(found.organisationId), surveyId: String(found.surveyId) } : null;
}
