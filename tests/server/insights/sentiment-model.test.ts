import { LANGUAGES } from '../../../server/src/modules/insights/languages';
import { normaliseComment } from '../../../server/src/modules/insights/normalise';
import { readWith, scoreWith } from '../../../server/src/modules/insights/sentiment';
import { CLASSES, featuresOf, scoreSentiment } from '../../../server/src/modules/insights/sentiment-model';
import weights from '../../../server/src/modules/insights/sentiment-model.json';

describe('the trained sentiment layer', () => {
  test('its weights fit the features the scorer computes today (a feature added without retraining fails here)', () => {
    const text = normaliseComment('Livraison rapide, mais le colis était abîmé.');
    const { dense } = featuresOf(LANGUAGES.fr, text, readWith(LANGUAGES.fr, text));
    for (const model of Object.values(weights)) {
      expect(model.bias).toHaveLength(CLASSES.length);
      for (const row of model.dense) expect(row).toHaveLength(dense.length);
    }
  });

  test('a language without a model is scored by its rules alone', () => {
    expect(Object.keys(weights)).not.toContain('en');
    const text = normaliseComment('The courier left it in the rain, everything soaked.');
    expect(scoreSentiment('en', text)).toEqual(scoreWith(LANGUAGES.en, text));
  });

  test('French comments get a probability score: P(positive) − P(negative), inside -1 … 1', () => {
    const praise = scoreSentiment('fr', normaliseComment('Conseillère très aimable, problème réglé tout de suite.'));
    const complaint = scoreSentiment(
      'fr',
      normaliseComment('Colis jamais arrivé et aucune réponse du service client.'),
    );
    expect(praise.label).toBe('positive');
    expect(complaint.label).toBe('negative');
    expect(praise.score).toBeGreaterThan(0);
    expect(praise.score).toBeLessThanOrEqual(1);
    expect(complaint.score).toBeLessThan(0);
  });
});
