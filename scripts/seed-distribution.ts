/**
 * The demo journey for `npm run seed`: published surveys, touchpoints with their rules, and a few
 * contacts. The first touchpoint returned asks by email at once (no delay, sampling or fatigue),
 * so one curl shows a survey mail in the Outbox seconds later. Safe to run again.
 */
import type { Ctx } from '../server/src/lib/context';
import { upsertContact } from '../server/src/modules/contacts/contacts.service';
import { publishSurvey } from '../server/src/modules/surveys/surveys.lifecycle';
import { createSurvey, listSurveys } from '../server/src/modules/surveys/surveys.service';
import {
  createTouchpoint,
  listTouchpoints,
  updateTouchpoint,
} from '../server/src/modules/touchpoints/touchpoints.service';
import type { DistributionRules } from '@pulse/shared/schemas/touchpoints';

const SURVEYS = [
  { name: 'Support satisfaction', templateId: 'post-support-csat' },
  { name: 'Purchase NPS', templateId: 'post-purchase-nps' },
  { name: 'Delivery satisfaction', templateId: 'post-delivery-csat' },
  { name: 'Onboarding effort', templateId: 'post-onboarding-ces' },
] as const;

const RULES: Omit<DistributionRules, 'surveyId'> = {
  channel: 'email',
  paused: false,
  delayMinutes: 0,
  samplingPercent: 100,
  fatigueDays: 0,
  quietHours: null,
  reminders: { count: 0, spacingHours: 72 },
  expiryDays: 30,
};

/** In the order `--json` lists them: the instant email touchpoint first. */
const TOUCHPOINTS = [
  { key: 'support_ticket_closed', name: 'Support ticket closed', stage: 'Support', order: 40, survey: 0, rules: {} },
  {
    key: 'checkout_completed',
    name: 'Checkout completed',
    stage: 'Purchase',
    order: 20,
    survey: 1,
    rules: {
      delayMinutes: 60,
      samplingPercent: 50,
      fatigueDays: 30,
      quietHours: { start: '21:00', end: '08:00' },
      reminders: { count: 1, spacingHours: 72 },
    },
  },
  {
    key: 'order_delivered',
    name: 'Order delivered',
    stage: 'Delivery',
    order: 30,
    survey: 2,
    rules: { channel: 'link' as const, expiryDays: 14 },
  },
  {
    key: 'onboarding_completed',
    name: 'Onboarding completed',
    stage: 'Onboarding',
    order: 10,
    survey: 3,
    rules: {
      delayMinutes: 24 * 60,
      fatigueDays: 90,
      quietHours: { start: '20:00', end: '09:00' },
      reminders: { count: 2, spacingHours: 48 },
    },
  },
];

const CONTACTS = [
  {
    externalId: 'cust-1001',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    language: 'en',
    timeZone: 'Europe/London',
    attributes: { plan: 'pro', region: 'EMEA', seats: 12 },
  },
  {
    externalId: 'cust-1002',
    email: 'camille@example.com',
    name: 'Camille Durand',
    language: 'fr',
    timeZone: 'Europe/Paris',
    attributes: { plan: 'free', region: 'EMEA', seats: 1 },
  },
  {
    externalId: 'cust-1003',
    email: 'priya@example.com',
    name: 'Priya Raman',
    language: 'en',
    timeZone: 'Asia/Kolkata',
    attributes: { plan: 'enterprise', region: 'APAC', seats: 250 },
  },
  {
    externalId: 'cust-1004',
    email: 'jonas@example.com',
    name: 'Jonas Weber',
    language: 'de',
    timeZone: 'Europe/Berlin',
    attributes: { plan: 'pro', region: 'EMEA', seats: 8 },
  },
  {
    externalId: 'cust-1005',
    email: 'lucia@example.com',
    name: 'Lucía García',
    language: 'es',
    timeZone: 'America/Mexico_City',
    attributes: { plan: 'pro', region: 'AMER', seats: 5 },
  },
  {
    externalId: 'cust-1006',
    email: 'sam@example.com',
    name: 'Sam Taylor',
    language: 'en',
    timeZone: 'America/St_Johns',
    attributes: { plan: 'free', region: 'AMER', seats: 1 },
  },
];

async function publishedSurveyIds(ctx: Ctx): Promise<string[]> {
  const existing = (await listSurveys(ctx, { limit: 100 })).surveys;
  const ids: string[] = [];
  for (const spec of SURVEYS) {
    let survey = existing.find((s) => s.name === spec.name);
    if (!survey) survey = await createSurvey(ctx, { name: spec.name, templateId: spec.templateId });
    if (!survey.currentVersion) await publishSurvey(ctx, String(survey._id), survey.revision);
    ids.push(String(survey._id));
  }
  return ids;
}

export async function seedDistribution(ctx: Ctx): Promise<{ touchpoints: string[] }> {
  const surveyIds = await publishedSurveyIds(ctx);
  const existing = await listTouchpoints(ctx);
  for (const t of TOUCHPOINTS) {
    const rules = { ...RULES, ...t.rules, surveyId: surveyIds[t.survey]! };
    const found = existing.find((e) => e.key === t.key);
    if (found) await updateTouchpoint(ctx, String(found._id), { rules });
    else {
      await createTouchpoint(ctx, {
        key: t.key,
        name: t.name,
        stage: t.stage,
        order: t.order,
        defaultChannel: rules.channel,
        rules,
      });
    }
  }
  for (const contact of CONTACTS) await upsertContact(ctx, contact);
  return { touchpoints: TOUCHPOINTS.map((t) => t.key) };
}
