import MarkdownIt from 'markdown-it';

/**
 * Intro copy is a safe Markdown subset: emphasis, links (https and mailto only), paragraphs and
 * line breaks. Raw HTML is escaped, never passed through (markdown-it with html: false).
 */
const md = new MarkdownIt('zero', { html: false, linkify: false, breaks: true }).enable([
  'emphasis',
  'link',
  'newline',
  'paragraph',
]);
md.validateLink = (url) => /^(https:|mailto:)/i.test(url.trim());

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text into HTML, element content or a quoted attribute. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const PLACEHOLDER = /\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}/g;
export type Values = Record<string, string | null | undefined>;

const fill = (name: string, fallback: string | undefined, values: Values) => values[name]?.trim() || fallback || '';

/** Placeholders filled, for plain text (the text part, the subject). */
export const fillText = (text: string, values: Values) =>
  text
    .replace(PLACEHOLDER, (_, name: string, fallback?: string) => fill(name, fallback, values))
    .replace(/ {2,}/g, ' ');

/**
 * Markdown to HTML with placeholders filled and escaped: placeholders are swapped for inert
 * tokens before parsing, so a customer's name can never become markup or a link.
 */
export function renderIntro(markdown: string, values: Values): string {
  const { html, slots } = parsedIntro(markdown);
  return html.replace(/PULSESLOT(\d+)X/g, (_, i: string) => {
    const slot = slots[Number(i)]!;
    return escapeHtml(fill(slot.name, slot.fallback, values));
  });
}

// Every recipient of a survey gets the same intro: parse its Markdown once, fill per mail.
const parsed = new Map<string, { html: string; slots: Array<{ name: string; fallback?: string }> }>();
function parsedIntro(markdown: string) {
  let hit = parsed.get(markdown);
  if (!hit) {
    const slots: Array<{ name: string; fallback?: string }> = [];
    const tokenised = markdown.replace(PLACEHOLDER, (_, name: string, fallback?: string) => {
      slots.push({ name, fallback });
      return `PULSESLOT${slots.length - 1}X`;
    });
    const html = md
      .render(tokenised)
      .replace(/<a href=/g, '<a style="color:inherit;text-decoration:underline;" href=')
      .trim();
    hit = { html, slots };
    if (parsed.size > 500) parsed.clear();
    parsed.set(markdown, hit);
  }
  return hit;
}

/** The few words of the email that are Pulse's, not the survey author's. */
const WORDS = {
  en: {
    reminder: 'Reminder',
    unsubscribe: 'Unsubscribe',
    footer: (org: string) => `You receive this because of a recent interaction with ${org}.`,
  },
  fr: {
    reminder: 'Rappel',
    unsubscribe: 'Se désabonner',
    footer: (org: string) => `Vous recevez ce message suite à un échange récent avec ${org}.`,
  },
  de: {
    reminder: 'Erinnerung',
    unsubscribe: 'Abmelden',
    footer: (org: string) => `Sie erhalten diese Nachricht nach einem Kontakt mit ${org}.`,
  },
  es: {
    reminder: 'Recordatorio',
    unsubscribe: 'Darse de baja',
    footer: (org: string) => `Recibe este mensaje por una interacción reciente con ${org}.`,
  },
} as const;

export const wordsFor = (language: string) => WORDS[language.split('-')[0] as keyof typeof WORDS] ?? WORDS.en;
