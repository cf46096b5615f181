import type { Response } from '@pulse/shared/schemas/responses';

import type { ResponseDoc } from './response.model';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const idOrNull = (v: unknown) => (v ? String(v) : null);

/** A response as the API shows it: no pending events, no seq; comments as the plain text stored. */
export const presentResponse = (r: ResponseDoc): Response => ({
  id: String(r._id),
  surveyId: String(r.surveyId),
  surveyVersion: r.surveyVersion,
  kind: r.kind,
  touchpointId: idOrNull(r.touchpointId),
  touchpointKey: r.touchpointKey ?? null,
  channel: r.channel,
  invitationId: idOrNull(r.invitationId),
  contactId: idOrNull(r.contactId),
  contactAttributes: (r.contactAttributes ?? {}) as Record<string, unknown>,
  hidden: (r.hidden ?? {}) as Record<string, string>,
  language: r.language,
  score: r.score,
  band: r.band,
  state: r.state,
  answers: r.answers.map((a) => ({
    questionId: a.questionId,
    text: a.text ?? null,
    ...(a.choices?.length ? { choices: [...a.choices] } : {}),
    rating: a.rating ?? null,
    other: a.other ?? null,
  })),
  comment: r.comment ?? null,
  startedAt: r.startedAt.toISOString(),
  answeredAt: r.answeredAt.toISOString(),
  confirmedAt: iso(r.confirmedAt),
  completedAt: iso(r.completedAt),
});
