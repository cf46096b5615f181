import type { SurveyDefinitionInput } from '../../schemas/survey-definition';

/** Sent a few days after checkout: the buying experience, not the product in use. */
export const postPurchaseNps: SurveyDefinitionInput = {
  defaultLanguage: 'en',
  languages: ['en', 'fr'],
  hiddenFields: [{ name: 'orderId' }],
  primary: {
    kind: 'nps',
    scale: { min: 0, max: 10 },
    display: 'number',
    text: 'Based on your purchase, how likely are you to recommend {{company}} to a friend?',
    minLabel: 'Not at all likely',
    maxLabel: 'Extremely likely',
  },
  followUps: [
    {
      id: 'friction',
      type: 'multiple',
      text: 'What got in the way?',
      bands: ['detractor', 'passive'],
      options: [
        { id: 'price', label: 'Price' },
        { id: 'checkout', label: 'The checkout process' },
        { id: 'payment', label: 'Payment options' },
        { id: 'information', label: 'Product information' },
        { id: 'shipping', label: 'Shipping costs or options' },
      ],
      otherLabel: 'Something else',
    },
    {
      id: 'reason',
      type: 'text',
      text: 'What is the main reason for your score?',
      bands: ['detractor', 'passive', 'promoter'],
    },
  ],
  thankYou: {
    detractor: {
      title: 'Thank you for your honesty',
      message: 'We are sorry your purchase fell short. We will use your answer to do better.',
    },
    passive: { title: 'Thank you!', message: 'Your feedback helps us make buying easier.' },
    promoter: {
      title: 'Thank you!',
      message: 'Happy shopping, and thanks for spreading the word.',
      redirectUrl: 'https://example.com/reviews',
    },
  },
  email: {
    subject: 'Thanks for your order: one quick question',
    intro: 'Hi {{contact.firstName | there}}, thank you for buying from {{company}}. Would you recommend us?',
  },
  translations: {
    fr: {
      'primary.text': 'Suite à votre achat, quelle est la probabilité que vous recommandiez {{company}} à un ami ?',
      'primary.minLabel': 'Pas du tout probable',
      'primary.maxLabel': 'Très probable',
      'q.friction.text': 'Qu’est-ce qui vous a gêné ?',
      'q.friction.options.price': 'Le prix',
      'q.friction.options.checkout': 'Le processus de commande',
      'q.friction.options.payment': 'Les moyens de paiement',
      'q.friction.options.information': 'Les informations produit',
      'q.friction.options.shipping': 'Les frais ou options de livraison',
      'q.friction.otherLabel': 'Autre chose',
      'q.reason.text': 'Quelle est la principale raison de votre note ?',
      'thankYou.detractor.title': 'Merci pour votre franchise',
      'thankYou.detractor.message': 'Nous sommes désolés que votre achat vous ait déçu. Nous ferons mieux.',
      'thankYou.passive.title': 'Merci !',
      'thankYou.passive.message': 'Vos retours nous aident à simplifier l’achat.',
      'thankYou.promoter.title': 'Merci !',
      'thankYou.promoter.message': 'Bons achats, et merci d’en parler autour de vous.',
      'email.subject': 'Merci pour votre commande : une petite question',
      'email.intro':
        'Bonjour {{contact.firstName | }}, merci pour votre achat chez {{company}}. Nous recommanderiez-vous ?',
    },
  },
};
