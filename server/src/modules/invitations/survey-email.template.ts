/**
 * The survey email's MJML, one per score-row shape. Values go in later as `__PULSE_<name>__`
 * markers (MJML 5 may pad `{{ }}`), replaced with escaped text per mail, so the costly MJML
 * compile runs once per shape, not once per recipient.
 */
export interface TemplateShape {
  min: number;
  max: number;
  rtl: boolean;
  logo: boolean;
}

export const marker = (name: string) => `__PULSE_${name}__`;

const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

function scoreCells({ min, max }: TemplateShape): string {
  const count = max - min + 1;
  // Fixed widths keep an 11-button NPS row on one line in Outlook's 600 px frame and on phones.
  const width = count > 7 ? 40 : 56;
  const cells: string[] = [];
  for (let score = min; score <= max; score++) {
    cells.push(
      `<td align="center" style="padding:2px;">` +
        `<a href="${marker(`SCORE_${score}`)}" target="_blank" ` +
        `style="display:block;width:${width}px;line-height:40px;background-color:${marker('ACCENT')};color:#ffffff;` +
        `font-family:${FONT};font-size:16px;font-weight:bold;text-decoration:none;border-radius:4px;mso-line-height-rule:exactly;">` +
        `${score}</a></td>`,
    );
  }
  return cells.join('');
}

export function surveyEmailMjml(shape: TemplateShape): string {
  const dir = shape.rtl ? 'rtl' : 'ltr';
  const align = shape.rtl ? 'right' : 'left';
  return `<mjml lang="${marker('LANG')}" dir="${dir}">
  <mj-head>
    <mj-title>${marker('SUBJECT')}</mj-title>
    <mj-preview>${marker('PREVIEW')}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${FONT}" />
      <mj-text color="#1f2328" font-size="16px" line-height="24px" align="${align}" />
    </mj-attributes>
    <mj-raw><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"></mj-raw>
    <mj-style>
      @media (prefers-color-scheme: dark) {
        .pulse-card, .pulse-card td { background-color: #1c2128 !important; }
        .pulse-card div { color: #e6edf3 !important; }
      }
    </mj-style>
  </mj-head>
  <mj-body background-color="#f3f4f6" width="600px">
    <mj-section padding="24px 0 8px">
      <mj-column>
        ${shape.logo ? `<mj-image src="${marker('LOGO')}" alt="${marker('ORG')}" width="120px" align="${align}" padding="0 24px" />` : `<mj-text font-size="14px" color="#57606a" padding="0 24px">${marker('ORG')}</mj-text>`}
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" css-class="pulse-card" border-radius="8px" padding="16px 8px">
      <mj-column>
        <mj-text padding="8px 16px">${marker('INTRO')}</mj-text>
        <mj-text padding="16px 16px 8px" font-size="18px" font-weight="bold">${marker('QUESTION')}</mj-text>
        <mj-table padding="8px 12px" width="auto" align="center" role="presentation">
          <tr dir="ltr">${scoreCells(shape)}</tr>
        </mj-table>
        <mj-table padding="0 16px" font-size="13px" color="#57606a" role="presentation">
          <tr><td align="left">${marker('MIN_LABEL')}</td><td align="right">${marker('MAX_LABEL')}</td></tr>
        </mj-table>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 0">
      <mj-column>
        <mj-text font-size="12px" color="#57606a" line-height="18px" padding="0 24px" align="center">
          ${marker('FOOTER')} <a href="${marker('UNSUBSCRIBE')}" style="color:#57606a;text-decoration:underline;">${marker('UNSUBSCRIBE_LABEL')}</a>
        </mj-text>
        <mj-raw><img src="${marker('PIXEL')}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px;" /></mj-raw>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}
