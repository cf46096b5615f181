import { extractInsight } from '../../../server/src/modules/insights/extract';
import { resolveLanguage } from '../../../server/src/modules/insights/detect';
import { normaliseComment } from '../../../server/src/modules/insights/normalise';
import { MAX_TERMS } from '../../../server/src/modules/insights/terms';
import { themeKey } from '../../../server/src/modules/insights/theme-key';

const sentiment = (text: string, locale: string) => extractInsight({ text, locale }).sentiment.label;
const aspects = (text: string, locale: string) =>
  extractInsight({ text, locale })
    .terms.filter((t) => t.kind === 'aspect')
    .map((t) => t.key);

describe('sentences that break naive lexicons', () => {
  test.each([
    ['Great, another 2 hour wait', 'en', 'negative'],
    ['The app keeps crashing', 'en', 'negative'],
    ['Not bad at all!', 'en', 'positive'],
    ['No complaints', 'en', 'positive'],
    ["Le personnel n'était pas aimable", 'fr', 'negative'],
    ['good but terrible', 'en', 'negative'],
    ['😡 never again', 'en', 'negative'],
    ['Très bien', 'fr', 'positive'],
    ['Très bien', 'en', 'positive'],
    ['El pedido llegó roto', 'es', 'negative'],
    ['Das Personal war nicht freundlich.', 'de', 'negative'],
    ['Error 500 every time I click pay. Brilliant.', 'en', 'negative'],
    ['Would be nice to have evening delivery options.', 'en', 'neutral'],
    // what was owed did not happen, with no opinion word in sight
    ["My parcel still hasn't arrived.", 'en', 'negative'],
    ['nobody replied to my email', 'en', 'negative'],
    ['the app wont load', 'en', 'negative'],
    // "without" is a thing not needed, not a thing that failed
    ['Set it up without any help, intuitive.', 'en', 'positive'],
    ["I'd love an option to pay by invoice.", 'en', 'neutral'],
    ['Love how I have to log in again every single day.', 'en', 'negative'],
    ['Delivered on time ✅', 'en', 'positive'],
    // a service noun that AFINN rates is a theme, not praise
    ['Phone support is slow, chat support is quick.', 'en', 'neutral'],
    ['Item was not as described.', 'en', 'negative'],
    ["Can't recommend them enough!", 'en', 'positive'],
    ['Was good until the update. Now it is rubbish.', 'en', 'negative'],
    ['They set up a payment plan when I was struggling. Thank you.', 'en', 'positive'],
    ['Der Artikel war nicht wie beschrieben.', 'de', 'negative'],
    ['El reembolso sigue sin llegar después de tres semanas.', 'es', 'negative'],
  ])('%j (%s) reads as %s', (text, locale, expected) => {
    expect(sentiment(text, locale)).toBe(expected);
  });
});

describe('normalisation', () => {
  test('masks links, e-mail addresses and numbers so none becomes a theme', () => {
    const text = 'Order 784512: mail jo.smith@example.com or see https://track.example.com/abc123 ☎ 0612345678';
    expect(normaliseComment(text)).toBe('order xnumx : mail xemailx or see xurlx ☎ xnumx');
    const keys = extractInsight({ text, locale: 'en' })
      .terms.map((t) => t.key)
      .join(' ');
    expect(keys).not.toMatch(/784512|jo|smith|example|track|abc|0612345678/u);
  });

  test('folds compatibility forms and case (NFKC): ﬁ ligature and full-width letters', () => {
    expect(normaliseComment('The ﬁnal ＤＥＬＩＶＥＲＹ')).toBe('the final delivery');
  });
});

describe('language', () => {
  test('the survey locale decides, whatever the text looks like', () => {
    expect(resolveLanguage('fr-CA', 'ok')).toBe('fr');
    expect(resolveLanguage('de_AT', 'super')).toBe('de');
  });

  test('without a supported locale, the detector picks among the supported languages only', () => {
    expect(resolveLanguage(undefined, 'el pedido llegó roto y nadie me responde')).toBe('es');
    expect(resolveLanguage('pt-BR', 'die lieferung kam viel zu spät an')).toBe('de');
    expect(resolveLanguage(null, 'le colis est arrivé en retard')).toBe('fr');
    expect(resolveLanguage(null, 'the parcel arrived late')).toBe('en');
  });
});

describe('terms', () => {
  test('English keeps the aspect apart from the opinion about it', () => {
    const terms = extractInsight({ text: 'The delivery time was slow and the drivers were rude.', locale: 'en' }).terms;
    expect(terms).toEqual(
      expect.arrayContaining([
        { key: 'delivery time', label: 'delivery time', kind: 'aspect' },
        { key: 'driver', label: 'drivers', kind: 'aspect' },
        { key: 'delivery time+slow', label: 'slow delivery time', kind: 'opinion' },
        { key: 'driver+rude', label: 'rude driver', kind: 'opinion' },
      ]),
    );
    expect(terms.map((t) => t.key)).not.toContain('slow');
  });

  test('French, German and Spanish give stemmed words and pairs, opinion words left out', () => {
    expect(aspects('Le colis est arrivé cassé, les frais de port sont trop chers', 'fr')).toEqual(
      expect.arrayContaining(['colis', 'port']),
    );
    expect(aspects('Die Lieferzeit war viel zu lang, aber der Fahrer war freundlich.', 'de')).toEqual([
      'lieferzeit',
      'fahr',
    ]);
    expect(aspects('La atención al cliente fue pésima', 'es')).toEqual(['atencion', 'client', 'atencion client']);
  });

  test('a term is counted once per comment and a comment gives at most MAX_TERMS', () => {
    const once = extractInsight({ text: 'Delivery, delivery and more delivery. The delivery!', locale: 'en' }).terms;
    expect(once.filter((t) => t.key === 'delivery')).toHaveLength(1);
    const nouns =
      'parcel driver courier invoice refund basket voucher password account screen button menu widget ' +
      'battery tablet keyboard camera printer router modem laptop charger cable sticker label';
    const long = extractInsight({
      text: nouns
        .split(' ')
        .map((n) => `The ${n} is broken.`)
        .join(' '),
      locale: 'en',
    });
    expect(long.terms).toHaveLength(MAX_TERMS);
    expect(long.terms.every((t) => t.kind === 'aspect')).toBe(true);
  });

  test('a theme typed by a person gets the key the extractor counts it by', () => {
    expect(themeKey('en', 'Deliveries')).toBe('delivery');
    expect(aspects('Les frais de port', 'fr')).toContain(themeKey('fr', 'frais de port'));
  });
});
