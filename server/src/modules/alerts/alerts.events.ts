import { systemContext, type Ctx } from '../../lib/context';
import { derivedId, isDuplicateKey } from '../../lib/derived-id';
import { defineSubscriber, emit, type EventData } from '../../lib/events/events';
import { openCase } from '../cases/cases.service';
import { sendOrganisationEmail } from '../mail/mail.service';
import { findResponse } from '../responses/responses.service';
import { teamEmails } from '../teams/teams.service';
import { AlertFiringModel } from './alert-firing.model';
import { groupsOf } from './alert-rule.model';
import { alertMail, noAnswerMail } from './alerts.emails';
import { attributeAddress, describeFiring, findFiring, NO_ADDRESS, recordOutcome } from './alerts.firings';
import { matcherFor, matchInOrder } from './alerts.match';
import { activeRules, getRule } from './alerts.service';
import { queueChat } from './deliver-chat.job';

const ctxOf = (organisationId: string, log: Ctx['log']) => systemContext({ organisationId, log, name: 'Alerts' });

const RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const;

/**
 * Rules run when a response is completed and again whenever it changes (the comment often comes
 * after the score). Each matching rule fires once per response, ever: the firing's _id is derived
 * from (rule, response), and a firing already announced is skipped. Rules are evaluated in their
 * explicit order and evaluation stops after a matching rule flagged "stop after this rule"; of
 * the rules that matched, the most urgent that opens cases opens the response's one case.
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
    const matching = matchInOrder(await activeRules(ctx), (r) => matches(groupsOf(r))).sort(
      (a, b) => RANK[a.priority] - RANK[b.priority],
    );
    let caseId: string | null = null;
    for (const rule of matching) {
      const _id = derivedId('alert', String(rule._id), String(response._id));
      const firing = await AlertFiringModel.create({
        _id,
        organisationId: ctx.organisationId,
        ruleId: rule._id,
        responseId: response._id,
        trigger: `${event.type}#${String(data.seq)}`,
        delivery: rule.delivery ?? 'immediate',
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
        { $set: { announcedAt: new Date(), caseId } },
      );
    }
  },
});

/**
 * The rule's recipients each get one mail per firing (its id is derived from both), unless the
 * rule gathers them into an hourly or daily digest. The address a contact attribute names is
 * mailed per firing either way (each firing has its own), or the firing says why it was not.
 */
export const mailAlertRecipients = defineSubscriber({
  name: 'alerts.mail',
  on: ['alert.triggered'],
  async handle(event, { log }) {
    const data = event.data as EventData;
    const ctx = ctxOf(String(event.organisationId), log);
    const firingId = String(data.firingId);
    const rule = await getRule(ctx, String(data.ruleId)).catch(() => null);
    const firing = await findFiring(ctx, firingId);
    if (!rule || !firing) return;
    // The event carries the case: the firing records it only after announcing.
    const described = await describeFiring(ctx, firing, rule, data.caseId ? String(data.caseId) : null);
    if (!described) return;
    const teamIds = (rule.channels?.teamIds ?? []).map(String);
    const to =
      rule.delivery === 'immediate' ? [...(rule.channels?.emails ?? []), ...(await teamEmails(ctx, teamIds))] : [];
    if (rule.channels?.attributeEmail) {
      const address = attributeAddress(rule, described.attributes);
      if (address) to.push(address);
      if (!firing.attributeEmail)
        await recordOutcome(ctx, firingId, 'attributeEmail', {
          state: address ? 'sent' : 'skipped',
          detail: address ?? NO_ADDRESS,
        });
    }
    for (const address of new Set(to)) {
      const content =
        described.kind === 'response' ? alertMail(address, described.facts) : noAnswerMail(address, described.facts);
      await sendOrganisationEmail(ctx, content, {
        kind: 'alert.triggered',
        relatedId: firingId,
        id: derivedId('alert-mail', firingId, address),
      });
    }
  },
});

/** A rule with a chat URL posts one message per firing, by a job that retries. */
export const chatAlert = defineSubscriber({
  name: 'alerts.chat',
  on: ['alert.triggered'],
  async handle(event, { log }) {
    const data = event.data as EventData;
    const ctx = ctxOf(String(event.organisationId), log);
    const rule = await getRule(ctx, String(data.ruleId)).catch(() => null);
    if (rule?.channels?.chatUrl) await queueChat(ctx.organisationId, String(data.firingId));
  },
});

export const alertSubscribers = [evaluateAlertRules, mailAlertRecipients, chatAlert];
