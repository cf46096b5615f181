/** The responding flow's own words (the survey's texts come from its definition). */
type Words = Record<
  | 'invalidTitle'
  | 'invalidMessage'
  | 'closedTitle'
  | 'closedMessage'
  | 'answeredTitle'
  | 'answeredMessage'
  | 'confirmed'
  | 'honeypot'
  | 'busyTitle'
  | 'busyMessage',
  string
>;

const STRINGS: Record<string, Words> = {
  en: {
    invalidTitle: 'This link does not work',
    invalidMessage:
      'The survey link is incomplete or no longer valid. If you copied it, check that nothing is missing.',
    closedTitle: 'This survey has closed',
    closedMessage: 'Thank you for wanting to answer: this survey is no longer taking answers.',
    answeredTitle: 'You have already answered',
    answeredMessage: 'Thank you: your answer is saved and can no longer be changed.',
    confirmed: 'Your score is saved.',
    honeypot: 'Leave this field empty',
    busyTitle: 'Too many answers from here',
    busyMessage: 'Please wait a few minutes and try again.',
  },
  fr: {
    invalidTitle: 'Ce lien ne fonctionne pas',
    invalidMessage:
      'Le lien de l’enquête est incomplet ou n’est plus valable. Si vous l’avez copié, vérifiez qu’il est entier.',
    closedTitle: 'Cette enquête est close',
    closedMessage: 'Merci de vouloir répondre : cette enquête ne reçoit plus de réponses.',
    answeredTitle: 'Vous avez déjà répondu',
    answeredMessage: 'Merci : votre réponse est enregistrée et ne peut plus être modifiée.',
    confirmed: 'Votre note est enregistrée.',
    honeypot: 'Laissez ce champ vide',
    busyTitle: 'Trop de réponses depuis cet endroit',
    busyMessage: 'Patientez quelques minutes puis réessayez.',
  },
  de: {
    invalidTitle: 'Dieser Link funktioniert nicht',
    invalidMessage:
      'Der Umfragelink ist unvollständig oder nicht mehr gültig. Prüfen Sie beim Kopieren, ob nichts fehlt.',
    closedTitle: 'Diese Umfrage ist beendet',
    closedMessage: 'Danke, dass Sie antworten möchten: Diese Umfrage nimmt keine Antworten mehr an.',
    answeredTitle: 'Sie haben bereits geantwortet',
    answeredMessage: 'Danke: Ihre Antwort ist gespeichert und kann nicht mehr geändert werden.',
    confirmed: 'Ihre Bewertung ist gespeichert.',
    honeypot: 'Dieses Feld leer lassen',
    busyTitle: 'Zu viele Antworten von hier',
    busyMessage: 'Bitte warten Sie einige Minuten und versuchen Sie es erneut.',
  },
  es: {
    invalidTitle: 'Este enlace no funciona',
    invalidMessage:
      'El enlace de la encuesta está incompleto o ya no es válido. Si lo copió, compruebe que esté entero.',
    closedTitle: 'Esta encuesta está cerrada',
    closedMessage: 'Gracias por querer responder: esta encuesta ya no admite respuestas.',
    answeredTitle: 'Ya ha respondido',
    answeredMessage: 'Gracias: su respuesta está guardada y ya no se puede cambiar.',
    confirmed: 'Su puntuación está guardada.',
    honeypot: 'Deje este campo vacío',
    busyTitle: 'Demasiadas respuestas desde aquí',
    busyMessage: 'Espere unos minutos e inténtelo de nuevo.',
  },
};

export type FlowStrings = Words;
export const FLOW_LANGUAGES = Object.keys(STRINGS);

export const flowStringsFor = (language: string): FlowStrings => STRINGS[language.split('-')[0]!] ?? STRINGS.en!;
