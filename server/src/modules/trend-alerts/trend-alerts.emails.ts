import { simpleMail } from '../mail/mail.layout';

/** To a touchpoint's owners: which score dropped, by how much, and how sure the test is. */
export const trendMail = (
  to: string,
  a: {
    touchpoint: string;
    metric: string;
    week: string;
    change: string;
    interval: string;
    pValue: string;
    url: string;
  },
) =>
  simpleMail(
    to,
    `${a.metric} dropped at ${a.touchpoint} in ${a.week}`,
    [
      `${a.metric} at ${a.touchpoint} changed by ${a.change} in ${a.week} against the week before (95% CI ${a.interval}, ${a.pValue}).`,
      'The drop is statistically significant, not noise: look before the complaints pile up.',
    ],
    { label: 'Open the dashboard', url: a.url },
  );
