/**
 * The first step for every comment: one Unicode form, lower case, and personal data masked, so an
 * e-mail address, a link or an order number can never become a theme or sit in a counter.
 * The masks are tokens no dictionary knows; the term extractors drop them.
 */
export const MASK = { url: 'xurlx', email: 'xemailx', number: 'xnumx' } as const;
const MASKS: ReadonlySet<string> = new Set(Object.values(MASK));

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/giu;
// Digits with separators (prices, phone numbers, dates, "3D"): masked as one number.
const NUMBER_RE = /\p{N}+(?:[.,:/'’-]\p{N}+)*(?:\p{L}{1,2}\b)?/gu;

export function normaliseComment(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(URL_RE, ` ${MASK.url} `)
    .replace(EMAIL_RE, ` ${MASK.email} `)
    .replace(NUMBER_RE, ` ${MASK.number} `)
    .replace(/[’‘`´]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

export const isMask = (token: string): boolean => MASKS.has(token);
