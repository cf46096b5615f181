import { bandsOf } from '@pulse/shared/metrics/scales';
import { SurveyDefinition } from '@pulse/shared/schemas/survey-definition';
import { contrastRatio } from '@pulse/shared/surveys/contrast';
import { fillPlaceholders } from '@pulse/shared/surveys/placeholders';
import { SURVEY_TEMPLATES, templateDefinition } from '@pulse/shared/surveys/templates';
import { localise, missingTranslations } from '@pulse/shared/surveys/texts';

import { followUpsFor, renderSurveyPage, scoreInBand } from '../../../server/src/modules/respondent/respondent.page';
import { BAD_DEFINITIONS, validCes } from './definition-cases';

describe('the survey definition', () => {
  it.each(SURVEY_TEMPLATES.map((t) => [t.id, t] as const))(
    'template %s validates, survives a JSON round trip unchanged, and renders every screen in every language',
    (_id, template) => {
      const parsed = SurveyDefinition.parse(template.definition);
      expect(SurveyDefinition.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
      expect(parsed.languages).toEqual(expect.arrayContaining(['en', 'fr']));
      expect(missingTranslations(parsed).fr).toEqual([]);
      for (const language of parsed.languages) {
        const survey = localise(parsed, language);
        const values = { company: 'Acme' };
        const score = renderSurveyPage({ survey, screen: { step: 'score' }, values, action: '/s/x' });
        expect(score).toContain(`<html lang="${language}" dir="ltr">`);
        expect(score).toContain(fillPlaceholders(survey.primary.text, values).replace(/’/g, '’'));
        expect(score.match(/type="radio" id="score-/g)).toHaveLength(
          parsed.primary.scale.max - parsed.primary.scale.min + 1,
        );
        for (const band of bandsOf(parsed.primary.kind)) {
          const s = scoreInBand(survey, band)!;
          const page = renderSurveyPage({ survey, screen: { step: 'followUps', score: s }, values, action: '/s/x' });
          for (const q of followUpsFor(survey, s)) expect(page).toContain(`name="q.${q.id}"`);
          const thanks = renderSurveyPage({ survey, screen: { step: 'thankYou', band }, values, action: null });
          expect(thanks).toContain(survey.thankYou[band]!.title.replace(/!/g, '!'));
        }
      }
    },
  );

  it('when a template is taken in French first, then French is the default and English a full translation', () => {
    const def = templateDefinition('post-support-csat', ['fr', 'en'])!;
    expect(def.defaultLanguage).toBe('fr');
    expect(def.primary.text).toMatch(/^Êtes-vous satisfait/);
    expect(localise(def, 'en').primary.text).toMatch(/^How satisfied/);
    expect(missingTranslations(def).en).toEqual([]);
  });

  it.each(BAD_DEFINITIONS.map((c) => [c.name, c] as const))('refuses %s, naming its JSON path', (_name, c) => {
    const result = SurveyDefinition.safeParse(c.break(validCes()));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(c.path);
  });

  it('falls back to the default language for untranslated texts and unknown languages', () => {
    const def = validCes();
    const partial = { ...def, translations: { fr: { 'primary.text': 'Bonjour {{company}}' } } };
    const fr = localise(SurveyDefinition.parse(partial), 'fr');
    expect(fr.primary.text).toBe('Bonjour {{company}}');
    expect(fr.primary.minLabel).toBe(def.primary.minLabel);
    expect(localise(def, 'ja').language).toBe('en');
  });

  it('fills placeholders with values, then fallbacks, and renders right-to-left languages with dir="rtl"', () => {
    expect(fillPlaceholders('Hi {{contact.firstName | there}}, {{company}} asks', { company: 'Acme' })).toBe(
      'Hi there, Acme asks',
    );
    expect(fillPlaceholders('Bonjour {{contact.firstName | }}, merci', { 'contact.firstName': '  ' })).toBe(
      'Bonjour, merci',
    );
    const def = SurveyDefinition.parse({ ...validCes(), defaultLanguage: 'ar', languages: ['ar'], translations: {} });
    expect(
      renderSurveyPage({ survey: localise(def, 'ar'), screen: { step: 'score' }, values: {}, action: null }),
    ).toContain('<html lang="ar" dir="rtl">');
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1c6bd6', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('escapes whatever a definition says: text cannot become markup', () => {
    const def = SurveyDefinition.parse({
      ...validCes(),
      primary: { ...validCes().primary, text: '<script>alert(1)</script>' },
    });
    const html = renderSurveyPage({
      survey: localise(def, 'en'),
      screen: { step: 'score' },
      values: { company: '<b>' },
      action: null,
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script>');
  });
});
