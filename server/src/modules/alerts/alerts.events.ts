import { systemContext, type Ctx } from '../../lib/context';
import { derivedId, isDuplicateKey } from '../../lib/derived-id';
import { defineSubscriber, emit, type EventData } from '../../lib/events/events';
import { settings } from '../../lib/settings';
import { openCase } from '../cases/cases.service';
import { sendOrganisationEmail } from '../mail/mail.service';
import { findResponse } from '../responses/responses.service';
import { teamEmails } from '../teams/teams.service';
import { AlertFiringModel } from './alert-firing.model';
import { groupsOf } from './alert-rule.model';
import { alertMail } from './alerts.emails';
import { matcherFor } from './alerts.match';
import { activeRules, getRule } from './alerts.service';

const ctxOf = (organisationId: string, log: Ctx['log']) => systemContext({ organisationId, log, name: 'Alerts' });

/**
 * Rules run when a response is completed and again whenever it changes (the comment often comes
 * after the score). Each matching rule fires once per response, ever: the firing's _id is derived
 * from (rule, response), and a firing already announced is skipped. The most urgent matching
 * rule that opens cases opens the response's one case.
 */
export const evaluateAlertRules = defineSubscriber({
  name: 'alerts.evaluate',
  on: ['response.completed', 'response.updated'],
  async handle(event, { log }) {
    const data = event.data as EventData;
    const ctx = ctxOf(String(event.organisationId), log);
    const response = await findResponse(ctx, String(data.responseId));
    // A provisional score may be a mail scanner's click: nobody is alerted until it is confirmed.
    if (!response || response.state !== 'confirmed') return;
    const facts = {
      score: response.score,
      band: response.band,
      touchpointId: response.touchpointId ? String(response.touchpointId) : null,
      channel: response.channel,
      comment: response.comment ?? null,
      contactAttributes: (response.contactAttributes ?? {}) as Record<string, unknown>,
    };
    const matches = matcherFor(facts);
    const matching = (await activeRules(ctx)).filter((r) => matches(groupsOf(r)));
    let caseId: string | null = null;
    for (const rule of matching) {
      const _id = derivedId('alert', String(rule._id), String(response._id));
      const firing = await AlertFiringModel.create({
        _id,
        organisationId: ctx.organisationId,
        ruleId: rule._id,
        responseId: response._id,
        trigger: `${event.type}#${String(data.seq)}`,
      }).catch(async (err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
        return AlertFiringModel.findOne({ _id, organisationId: ctx.organisationId }).lean();
      });
      if (!firing || firing.announcedAt) continue;
      if (rule.openCase && !caseId) {
        const opened = await openCase(ctx, {
          responseId: String(response._id),
          ruleId: String(rule._id),
          priority: rule.priority,
          slaHours: rule.slaHours,
        });
        caseId = String(opened._id);
      }
      await emit(
        ctx,
        'alert.triggered',
        {
          target: String(_id),
          firingId: String(_id),
          ruleId: String(rule._id),
          responseId: String(response._id),
          caseId,
          priority: rule.priority,
          webhook: rule.channels?.webhook ?? false,
        },
        // Two deliveries of the response's events may both find the firing unannounced.
        { eventId: derivedId('alert.triggered', String(_id)) },
      );
      await AlertFiringModel.updateOne(
        { _id, organisationId: ctx.organisationId },
        { $set: { announcedAt: new Date() } },
      );
    }
  },
});

/** The rule's recipients each get one mail per firing (its id is derived from both). */
export const mailAlertRecipients = defineSubscriber({
  name: 'alerts.mail',
  on: ['alert.triggered'],
  async handle(event, { log }) {
    const data = event.data as EventData;
    const ctx = ctxOf(String(event.organisationId), log);
    const rule = await getRule(ctx, String(data.ruleId)).catch(() => null);
    const response = await findResponse(ctx, String(data.responseId));
    if (!rule || !response) return;
    const url = new URL(data.caseId ? `/cases/${String(data.caseId)}` : '/cases', settings().publicUrl).toString();
    const teamIds = (rule.channels?.teamIds ?? []).map(String);
    const recipients = [...new Set([...(rule.channels?.emails ?? []), ...(await teamEmails(ctx, teamIds))])];
    for (const to of recipients) {
      const content = alertMail(to, {
        ruleName: rule.name,
        score: response.score,
        band: response.band,
        comment: response.comment ?? null,
        touchpoint: response.touchpointKey ?? null,
        url,
      });
      await sendOrganisationEmail(ctx, content, {
        kind: 'alert.triggered',
        relatedId: String(data.firingId),
        id: derivedId('alert-mail', String(data.firingId), to),
      });
    }
  },
});

export const alertSubscribers = [evaluateAlertRules, mailAlertRecipients];
