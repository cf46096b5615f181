export interface Strings {
  next: string;
  send: string;
  optional: string;
  required: string;
  scoreOf: (score: number, max: number) => string;
  otherDetail: string;
  continue: string;
  problems: string;
  /** The widget's close button. */
  close: string;
}

/** The page's own words (buttons, hints), per language; anything else falls back to English. */
const STRINGS: Record<'en' | 'fr' | 'de' | 'es', Strings> = {
  en: {
    next: 'Next',
    send: 'Send',
    optional: 'optional',
    required: 'required',
    scoreOf: (score: number, max: number) => `${score} out of ${max}`,
    otherDetail: 'Please tell us more',
    continue: 'Continue',
    problems: 'Please check your answers',
    close: 'Close the survey',
  },
  fr: {
    next: 'Suivant',
    send: 'Envoyer',
    optional: 'facultatif',
    required: 'obligatoire',
    scoreOf: (score: number, max: number) => `${score} sur ${max}`,
    otherDetail: 'Précisez, s’il vous plaît',
    continue: 'Continuer',
    problems: 'Veuillez vérifier vos réponses',
    close: 'Fermer l’enquête',
  },
  de: {
    next: 'Weiter',
    send: 'Senden',
    optional: 'optional',
    required: 'Pflichtfeld',
    scoreOf: (score: number, max: number) => `${score} von ${max}`,
    otherDetail: 'Bitte erläutern Sie',
    continue: 'Weiter',
    problems: 'Bitte prüfen Sie Ihre Antworten',
    close: 'Umfrage schließen',
  },
  es: {
    next: 'Siguiente',
    send: 'Enviar',
    optional: 'opcional',
    required: 'obligatorio',
    scoreOf: (score: number, max: number) => `${score} de ${max}`,
    otherDetail: 'Cuéntenos más',
    continue: 'Continuar',
    problems: 'Revise sus respuestas',
    close: 'Cerrar la encuesta',
  },
};

export const stringsFor = (language: string): Strings =>
  (STRINGS as Record<string, Strings | undefined>)[language.split('-')[0]!] ?? STRINGS.en;
