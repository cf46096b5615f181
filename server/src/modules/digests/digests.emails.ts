import type { DigestFrequency } from '@pulse/shared/schemas/digests';

import type { MailContent } from '../mail/mail.layout';
import type { DigestContent } from './digest.content';

const METRIC = { nps: 'NPS', csat: 'CSAT', ces: 'CES' } as const;
const TITLE = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' } as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const points = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(1)} pts`;
const percent = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);

/** A score and its change; the change is called out only when the dashboard's test says it is real. */
function scoreLine(s: DigestContent['scores'][number]): string {
  const score = s.score === null ? `not enough answers (n = ${s.n})` : `${s.score.toFixed(1)} (n = ${s.n})`;
  const change =
    s.change.significant && s.change.difference !== null
      ? `, significant change ${points(s.change.difference)} against the period before`
      : '';
  return `${s.touchpoint} · ${METRIC[s.kind]} ${score}${change}`;
}

interface Section {
  title: string;
  lines: Array<{ text: string; url?: string }>;
}

export function sectionsOf(c: DigestContent): Section[] {
  const sla = c.cases.withinSla;
  return [
    {
      title: 'Scores',
      lines: c.scores.length ? c.scores.map((s) => ({ text: scoreLine(s) })) : [{ text: 'No scores in this period.' }],
    },
    {
      title: 'Volume',
      lines: [
        { text: `${c.volume.responses} responses` },
        { text: `Response rate ${percent(c.volume.responseRate)} of ${c.volume.invited} invitations sent` },
      ],
    },
    { title: 'New detractors', lines: [{ text: `${c.newDetractors} since the last digest` }] },
    {
      title: 'Cases',
      lines: [
        { text: `${c.cases.open} open, ${c.cases.overdue} overdue`, url: '/cases' },
        { text: `${percent(sla.share)} within SLA (n = ${sla.n})` },
      ],
    },
    {
      title: 'What customers said',
      lines: c.comments.length
        ? c.comments.map((m) => ({ text: `${m.score} · ${m.touchpoint}: “${m.text}”`, url: m.url }))
        : [{ text: 'No comments in this period.' }],
    },
    {
      title: 'Emerging themes',
      lines: c.themes.length
        ? c.themes.map((t) => ({ text: `${t.label} (${t.mentions} mentions)` }))
        : [{ text: 'No new theme stands out.' }],
    },
  ];
}

/** The digest as plain text and the same in simple HTML, with the unsubscribe link in both. */
export function digestMail(
  to: string,
  a: {
    frequency: DigestFrequency;
    content: DigestContent;
    appUrl: (path: string) => string;
    unsubscribeUrl: string;
    settingsUrl: string;
    preview?: boolean;
  },
): MailContent {
  const { content } = a;
  const subject = `${a.preview ? 'Preview: ' : ''}${TITLE[a.frequency]} digest for ${content.organisation}, ${content.days.from}${content.days.to === content.days.from ? '' : ` to ${content.days.to}`}`;
  const sections = sectionsOf(content);
  const link = (url: string) => (url.startsWith('http') ? url : a.appUrl(url));
  const text = [
    subject,
    '',
    ...sections.flatMap((s) => [s.title, ...s.lines.map((l) => `- ${l.text}${l.url ? ` ${link(l.url)}` : ''}`), '']),
    `Digest settings: ${a.settingsUrl}`,
    `Unsubscribe: ${a.unsubscribeUrl}`,
  ].join('\n');
  const html =
    `<h2>${esc(subject)}</h2>` +
    sections
      .map(
        (s) =>
          `<h3>${esc(s.title)}</h3><ul>${s.lines
            .map((l) => `<li>${l.url ? `<a href="${esc(link(l.url))}">${esc(l.text)}</a>` : esc(l.text)}</li>`)
            .join('')}</ul>`,
      )
      .join('') +
    `<p style="color:#666"><a href="${esc(a.settingsUrl)}">Digest settings</a> · <a href="${esc(a.unsubscribeUrl)}">Unsubscribe</a></p>`;
  return { to, subject, text, html };
}
