// nlp.js ships no type declarations: these cover exactly the parts Pulse uses.
declare module '@nlpjs/lang-fr' {
  export class LangFr {}
  export class StemmerFr {
    stem(word: string): string;
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  }
  export class StopwordsFr {
    dictionary: Record<string, boolean>;
  }
  export const SentimentFr: { pattern: Record<string, number> };
}
declare module '@nlpjs/lang-de' {
  export class LangDe {}
  export class StemmerDe {
    stem(word: string): string;
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  }
  export class StopwordsDe {
    dictionary: Record<string, boolean>;
  }
  export const SentimentDe: { senticon: Record<string, number> };
}
declare module '@nlpjs/lang-es' {
  export class LangEs {}
  export class StemmerEs {
    stem(word: string): string;
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  }
  export class StopwordsEs {
    dictionary: Record<string, boolean>;
  }
  export const SentimentEs: { senticon: Record<string, number>; afinn: Record<string, number> };
}
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stem(word: string): string;
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  }
  export class StopwordsEn {
    dictionary: Record<string, boolean>;
  }
}
declare module '@nlpjs/sentiment' {
  export class SentimentAnalyzer {
    constructor(settings?: { container?: unknown });
    process(input: { locale: string; text: string }): Promise<{ sentiment: { score: number; vote: string } }>;
  }
}
declare module '@nlpjs/core' {
  export function containerBootstrap(): Promise<{ use(plugin: unknown): void }>;
}
