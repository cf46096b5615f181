import type { MetricKind } from '../metrics/scales';
import { SurveyDefinition, type SurveyDefinitionInput } from '../schemas/survey-definition';
import { localise, textEntries } from './texts';
import { postDeliveryCsat } from './templates/post-delivery-csat';
import { postOnboardingCes } from './templates/post-onboarding-ces';
import { postPurchaseNps } from './templates/post-purchase-nps';
import { postSupportCsat } from './templates/post-support-csat';
import { relationshipNps } from './templates/relationship-nps';

export interface SurveyTemplate {
  id: string;
  name: string;
  description: string;
  kind: MetricKind;
  definition: SurveyDefinitionInput;
}

/** The starting points of the gallery. Each is an ordinary definition and validates like one. */
export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [
  {
    id: 'relationship-nps',
    name: 'Relationship NPS',
    description: 'Every few months: would customers recommend you, and what to improve first.',
    kind: 'nps',
    definition: relationshipNps,
  },
  {
    id: 'post-support-csat',
    name: 'Post-support CSAT',
    description: 'When a ticket closes: was the help satisfying, was the issue resolved.',
    kind: 'csat',
    definition: postSupportCsat,
  },
  {
    id: 'post-onboarding-ces',
    name: 'Post-onboarding CES',
    description: 'After onboarding: how easy getting started was, and what was hard.',
    kind: 'ces',
    definition: postOnboardingCes,
  },
  {
    id: 'post-delivery-csat',
    name: 'Post-delivery CSAT',
    description: 'When an order arrives: late, damaged or wrong, in the customer’s words.',
    kind: 'csat',
    definition: postDeliveryCsat,
  },
  {
    id: 'post-purchase-nps',
    name: 'Post-purchase NPS',
    description: 'After checkout: would buyers recommend you, and what got in the way.',
    kind: 'nps',
    definition: postPurchaseNps,
  },
];

/**
 * A template's definition, parsed, kept to `languages` if given (the first becomes the default;
 * texts it lacks stay in the template's default language).
 */
export function templateDefinition(id: string, languages?: readonly string[]): SurveyDefinition | null {
  const template = SURVEY_TEMPLATES.find((t) => t.id === id);
  if (!template) return null;
  const full = SurveyDefinition.parse(template.definition);
  const keep = (languages ?? full.languages).filter((l) => full.languages.includes(l));
  if (keep.length === 0) return full;
  const [first] = keep as [string];
  const base = localise(full, first);
  const translations: SurveyDefinition['translations'] = {};
  for (const language of keep.slice(1)) {
    translations[language] =
      language === full.defaultLanguage
        ? Object.fromEntries(textEntries(full).map((e) => [e.key, e.text]))
        : { ...full.translations[language] };
  }
  const { language: _language, ...definition } = base;
  return SurveyDefinition.parse({ ...definition, defaultLanguage: first, languages: keep, translations });
}
