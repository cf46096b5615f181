import { createMailer } from '../../../server/src/lib/mailer';
import { renderSurveyEmail, type EmailInput } from '../../../server/src/modules/invitations/survey-email';
import { uniqueEmail } from '../../factories/accounts';
import { waitForMail } from '../../setup/mail';

jest.setTimeout(60_000);

const input = (language: string, text: string, intro: string, name: string): EmailInput => ({
  survey: {
    language,
    primary: { kind: 'nps', scale: { min: 0, max: 10 }, text, minLabel: 'Pas du tout ü', maxLabel: 'Très' },
    email: { subject: 'Une question de {{company}}', intro, senderName: null },
    branding: { logoUrl: 'https://cdn.example.com/logo.png', accentColor: '#3355ff' },
  },
  organisationName: 'Bänk & Co <Ltd>',
  values: { company: 'Bänk & Co <Ltd>', 'contact.firstName': name },
  links: {
    survey: `https://pulse.example.com/r/inv_${'a'.repeat(24)}_${'B'.repeat(32)}`,
    unsubscribe: `https://pulse.example.com/u/inv_${'a'.repeat(24)}_${'B'.repeat(32)}`,
    pixel: `https://pulse.example.com/o/inv_${'a'.repeat(24)}_${'B'.repeat(32)}.gif`,
  },
  rtl: language === 'ar',
});

describe('the survey mail its template encoded once', () => {
  it.each([
    [
      'de',
      'Wie wahrscheinlich empfehlen Sie {{company}}? 😀 €',
      `Hallo {{contact.firstName}},  \n${'ä='.repeat(120)}`,
      'Jürgen',
    ],
    ['ar', 'ما مدى احتمال أن توصي بـ {{company}}؟', 'مرحبا {{contact.firstName}} ', 'سارة .dot'],
  ])(
    'when a %s mail is sent with its pre-encoded HTML, then the catcher reads exactly the HTML and text rendered',
    async (language, text, intro, name) => {
      const mail = await renderSurveyEmail(input(language, text, intro, name));
      // Quoted-printable as RFC 2045 has it: CRLF line ends only, no line over 76 characters.
      expect(mail.htmlQuotedPrintable).not.toMatch(/[^\r]\n/);
      expect(Math.max(...mail.htmlQuotedPrintable.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(76);

      const to = uniqueEmail('encoding');
      const mailer = createMailer(process.env.SMTP_URL!);
      try {
        await mailer.send({ from: 'Pulse <pulse@localhost>', to, ...mail });
      } finally {
        mailer.close();
      }
      const [caught] = await waitForMail(to);
      expect(caught!.html).toBe(mail.html);
      expect(caught!.text).toBe(mail.text);
      expect(caught!.subject).toBe(mail.subject);
    },
  );
});
