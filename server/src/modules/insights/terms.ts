/**
 * A candidate theme from one comment. Aspects are what customers talk about ("delivery time");
 * opinion pairs tie an aspect to what was said of it ("delivery time+slow"). The key is the
 * lemma or stem form counters are kept by; the label is a readable surface form.
 */
export interface Term {
  key: string;
  label: string;
  kind: 'aspect' | 'opinion';
}

/** At most this many terms per comment, each counted once. */
export const MAX_TERMS = 20;

export function capTerms(terms: Term[]): Term[] {
  const seen = new Set<string>();
  const out: Term[] = [];
  // Aspects first: when a long comment is cut, its themes matter more than its pairs.
  for (const t of [...terms.filter((t) => t.kind === 'aspect'), ...terms.filter((t) => t.kind === 'opinion')]) {
    if (seen.has(t.key)) continue;
    seen.add(t.key);
    out.push(t);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}
