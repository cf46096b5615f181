import { METRIC_SCALES, type MetricKind } from '../metrics/scales';
import type { SurveyDefinition } from '../schemas/survey-definition';

const QUESTION: Record<MetricKind, Pick<SurveyDefinition['primary'], 'text' | 'minLabel' | 'maxLabel' | 'display'>> = {
  nps: {
    text: 'How likely are you to recommend {{company}} to a friend or colleague?',
    minLabel: 'Not at all likely',
    maxLabel: 'Extremely likely',
    display: 'number',
  },
  csat: {
    text: 'How satisfied are you with {{company}}?',
    minLabel: 'Very dissatisfied',
    maxLabel: 'Very satisfied',
    display: 'star',
  },
  ces: {
    text: '{{company}} made it easy for me to handle my issue.',
    minLabel: 'Strongly disagree',
    maxLabel: 'Strongly agree',
    display: 'number',
  },
};

const THANKS = { title: 'Thank you!', message: 'Your feedback helps us improve.', redirectUrl: null };

/** A valid, minimal English survey of `kind`: the primary question, one open reason, thank-yous. */
export function blankDefinition(kind: MetricKind): SurveyDefinition {
  const bands =
    kind === 'nps' ? (['detractor', 'passive', 'promoter'] as const) : (['low', 'neutral', 'high'] as const);
  return {
    defaultLanguage: 'en',
    languages: ['en'],
    primary: { kind, scale: { ...METRIC_SCALES[kind][0]! }, ...QUESTION[kind] },
    followUps: [
      {
        id: 'reason',
        type: 'text',
        text: 'What is the main reason for your score?',
        placeholder: null,
        required: false,
        bands: [...bands],
      },
    ],
    thankYou: Object.fromEntries(bands.map((b) => [b, { ...THANKS }])),
    translations: {},
    branding: { logoUrl: null, accentColor: '#1c6bd6' },
    email: {
      subject: 'A quick question from {{company}}',
      intro: 'Hi {{contact.firstName | there}}, we would love to hear how we did. It takes one click.',
      senderName: null,
    },
    hiddenFields: [],
  };
}
