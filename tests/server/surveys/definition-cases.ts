import type { SurveyDefinition } from '@pulse/shared/schemas/survey-definition';
import { templateDefinition } from '@pulse/shared/surveys/templates';

/** A valid CES survey in English and French to break one way at a time. */
export const validCes = (): SurveyDefinition => templateDefinition('post-onboarding-ces')!;

type Case = { name: string; break: (d: SurveyDefinition) => unknown; path: string };

/** The list of invalid definitions, each with the JSON path its error must name. */
export const BAD_DEFINITIONS: Case[] = [
  {
    name: 'a CES survey on a 0–10 scale',
    break: (d) => ({ ...d, primary: { ...d.primary, scale: { min: 0, max: 10 } } }),
    path: 'primary.scale',
  },
  {
    name: 'a follow-up for an unknown band',
    break: (d) => ({ ...d, followUps: [{ ...d.followUps[0]!, bands: ['low', 'detractor'] }] }),
    path: 'followUps.0.bands.1',
  },
  {
    name: 'an empty question text',
    break: (d) => ({ ...d, primary: { ...d.primary, text: '   ' } }),
    path: 'primary.text',
  },
  {
    name: 'duplicate question ids',
    break: (d) => ({ ...d, followUps: [d.followUps[0]!, { ...d.followUps[1]!, id: d.followUps[0]!.id }] }),
    path: 'followUps.1.id',
  },
  {
    name: 'a translation for a language not enabled',
    break: (d) => ({ ...d, translations: { ...d.translations, de: { 'primary.text': 'Hallo' } } }),
    path: 'translations.de',
  },
  {
    name: 'a redirect to javascript:',
    break: (d) => ({
      ...d,
      thankYou: { ...d.thankYou, high: { ...d.thankYou.high!, redirectUrl: 'javascript:alert(1)' } },
    }),
    path: 'thankYou.high.redirectUrl',
  },
  {
    name: 'a 10,000-question survey',
    break: (d) => ({
      ...d,
      followUps: Array.from({ length: 10_000 }, (_, i) => ({ ...d.followUps[1]!, id: `q${i}` })),
    }),
    path: 'followUps',
  },
  {
    name: 'a 1 MB label',
    break: (d) => ({ ...d, primary: { ...d.primary, maxLabel: 'x'.repeat(1_000_000) } }),
    path: 'primary.maxLabel',
  },
  {
    name: 'an accent colour white text cannot be read on',
    break: (d) => ({ ...d, branding: { ...d.branding, accentColor: '#ffd166' } }),
    path: 'branding.accentColor',
  },
  {
    name: 'an unknown placeholder',
    break: (d) => ({ ...d, primary: { ...d.primary, text: 'Hi {{ password }}' } }),
    path: 'primary.text',
  },
  {
    name: 'a translation of a text the survey lacks',
    break: (d) => ({ ...d, translations: { fr: { ...d.translations.fr, 'q.nope.text': 'Non' } } }),
    path: 'translations.fr.q.nope.text',
  },
];
