import type { SurveyDefinitionInput } from '../../schemas/survey-definition';

/** Sent when an order is delivered; the order number travels as a hidden field on web links. */
export const postDeliveryCsat: SurveyDefinitionInput = {
  defaultLanguage: 'en',
  languages: ['en', 'fr', 'es'],
  hiddenFields: [{ name: 'orderId' }],
  primary: {
    kind: 'csat',
    scale: { min: 1, max: 5 },
    display: 'emoji',
    text: 'How satisfied are you with the delivery of your order?',
    minLabel: 'Very dissatisfied',
    maxLabel: 'Very satisfied',
  },
  followUps: [
    {
      id: 'problem',
      type: 'multiple',
      text: 'What went wrong with the delivery?',
      bands: ['low', 'neutral'],
      options: [
        { id: 'late', label: 'It arrived late' },
        { id: 'damaged', label: 'The item was damaged' },
        { id: 'wrong', label: 'Wrong or missing items' },
        { id: 'courier', label: 'The courier experience' },
        { id: 'tracking', label: 'Tracking information' },
      ],
      otherLabel: 'Something else',
    },
    {
      id: 'reason',
      type: 'text',
      text: 'Anything else you would like to tell us?',
      bands: ['low', 'neutral', 'high'],
      placeholder: 'Optional',
    },
  ],
  thankYou: {
    low: { title: 'We are sorry', message: 'Thank you for telling us. Our team will look into your delivery.' },
    neutral: { title: 'Thank you!', message: 'We will use your feedback to deliver better.' },
    high: { title: 'Thank you!', message: 'Enjoy your order!' },
  },
  email: {
    subject: 'Your order has arrived: how was the delivery?',
    intro: 'Hi {{contact.firstName | there}}, your order was delivered. How satisfied are you with the delivery?',
  },
  translations: {
    fr: {
      'primary.text': 'Êtes-vous satisfait de la livraison de votre commande ?',
      'primary.minLabel': 'Très insatisfait',
      'primary.maxLabel': 'Très satisfait',
      'q.problem.text': 'Qu’est-ce qui n’a pas fonctionné avec la livraison ?',
      'q.problem.options.late': 'Elle est arrivée en retard',
      'q.problem.options.damaged': 'L’article était endommagé',
      'q.problem.options.wrong': 'Articles erronés ou manquants',
      'q.problem.options.courier': 'Le livreur',
      'q.problem.options.tracking': 'Le suivi de livraison',
      'q.problem.otherLabel': 'Autre chose',
      'q.reason.text': 'Souhaitez-vous nous dire autre chose ?',
      'q.reason.placeholder': 'Facultatif',
      'thankYou.low.title': 'Nous sommes désolés',
      'thankYou.low.message': 'Merci de nous l’avoir dit. Notre équipe va examiner votre livraison.',
      'thankYou.neutral.title': 'Merci !',
      'thankYou.neutral.message': 'Vos retours nous aideront à mieux livrer.',
      'thankYou.high.title': 'Merci !',
      'thankYou.high.message': 'Profitez bien de votre commande !',
      'email.subject': 'Votre commande est arrivée : comment s’est passée la livraison ?',
      'email.intro':
        'Bonjour {{contact.firstName | }}, votre commande a été livrée. Êtes-vous satisfait de la livraison ?',
    },
    es: {
      'primary.text': '¿Qué tan satisfecho está con la entrega de su pedido?',
      'primary.minLabel': 'Muy insatisfecho',
      'primary.maxLabel': 'Muy satisfecho',
      'q.problem.text': '¿Qué salió mal con la entrega?',
      'q.reason.text': '¿Algo más que quiera contarnos?',
      'thankYou.low.title': 'Lo sentimos',
      'thankYou.neutral.title': '¡Gracias!',
      'thankYou.high.title': '¡Gracias!',
      'email.subject': 'Su pedido ha llegado: ¿qué tal la entrega?',
    },
  },
};
