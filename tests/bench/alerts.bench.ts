import { Types } from 'mongoose';

import { ConditionGroup, type AlertCondition } from '@pulse/shared/schemas/alerts';

import { storedGroups } from '../../server/src/modules/alerts/alert-rule.model';
import { matcherFor, matchInOrder, type ResponseFacts } from '../../server/src/modules/alerts/alerts.match';
import { printNote, printRow, summarise } from './stats';

const RULES = 100;
const RESPONSES = 10_000;
const ROUNDS = 3;

// A fixed-seed generator: every run evaluates the same rules against the same responses.
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

const WORDS = ['late', 'rude', 'broken', 'refund', 'technician', 'wait', 'great', 'cancel', 'retard', 'kaputt'];
const COMMENTS = [
  'The technician never came, I waited all day',
  'Great service, thank you',
  'Livraison en retard et colis abîmé',
  'Das Gerät ist kaputt angekommen',
  'I want a refund now, this is the third time',
  'Staff were rude on the phone and I had to wait',
  '',
];

/** Rules as people write them: one to three OR-groups of one to four conditions, all kinds. */
function rules(random: () => number, touchpoints: string[]): AlertCondition[][][] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const condition = (): AlertCondition => {
    switch (Math.floor(random() * 7)) {
      case 0:
        return { field: 'band', in: [pick(['detractor', 'passive', 'promoter'] as const)] };
      case 1:
        return { field: 'score', max: Math.floor(random() * 7) };
      case 2:
        return { field: 'touchpoint', in: [pick(touchpoints), pick(touchpoints)] };
      case 3:
        return { field: 'channel', in: [pick(['email', 'link', 'widget', 'phone'] as const)] };
      case 4:
        return { field: 'attribute', key: 'plan', in: [pick(['pro', 'free', 'enterprise'])] };
      case 5:
        return { field: 'hasComment' };
      default:
        return { field: 'keywords', any: [pick(WORDS), pick(WORDS), pick(WORDS)] };
    }
  };
  return Array.from({ length: RULES }, () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
      // Parsed like the API parses a rule, in the stored shape the subscriber reads back.
      ConditionGroup.parse(Array.from({ length: 1 + Math.floor(random() * 4) }, condition)),
    ),
  ).map((groups) => storedGroups(groups).map((g) => g.all));
}

function responses(random: () => number, touchpoints: string[]): ResponseFacts[] {
  return Array.from({ length: RESPONSES }, () => {
    const score = Math.floor(random() * 11);
    return {
      score,
      band: score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter',
      touchpointId: touchpoints[Math.floor(random() * touchpoints.length)]!,
      channel: ['email', 'link', 'widget', 'phone'][Math.floor(random() * 4)]!,
      comment: COMMENTS[Math.floor(random() * COMMENTS.length)]! || null,
      contactAttributes: { plan: ['pro', 'free', 'enterprise'][Math.floor(random() * 3)]! },
    };
  });
}

/**
 * 11. Alert rules: what the alerts subscriber does for each completed or changed response — every
 * active rule of the organisation, in order, through `matcherFor` — for 100 rules and 10,000 responses.
 * CPU only: loading the rules is one indexed query per event, measured by the database benches.
 */
export function benchAlertRules() {
  const random = lcg(13);
  const touchpoints = Array.from({ length: 12 }, () => new Types.ObjectId().toHexString());
  // As the subscriber reads them: in order, none flagged to stop, so every rule is evaluated.
  const ruleSet = rules(random, touchpoints).map((groups) => ({ groups, stopAfter: false }));
  const facts = responses(random, touchpoints);
  const samples: number[] = [];
  let fired = 0;
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++)
    for (const r of facts) {
      const t = performance.now();
      const matches = matcherFor(r);
      fired += matchInOrder(ruleSet, (rule) => matches(rule.groups)).length;
      samples.push(performance.now() - t);
    }
  const elapsed = performance.now() - started;
  printRow(summarise(`one response against ${RULES} rules`, samples, elapsed));
  const evaluations = ROUNDS * RESPONSES * RULES;
  printNote(
    `${(((evaluations / elapsed) * 1000) / 1e6).toFixed(2)} million rule evaluations/s on one core ` +
      `(${ROUNDS} × ${RESPONSES.toLocaleString('en')} responses × ${RULES} rules; ` +
      `${(fired / ROUNDS / RESPONSES).toFixed(1)} rules match a response on average)`,
  );
}
