/** @jsxImportSource preact */
import { render } from 'preact-render-to-string';

import { bandOf, type Band } from '@pulse/shared/metrics/scales';
import { fillPlaceholders, type PlaceholderValues } from '@pulse/shared/surveys/placeholders';
import { directionOf, mapTexts, type LocalisedSurvey } from '@pulse/shared/surveys/texts';

import { FollowUpQuestion, type FollowUpValue } from './follow-up-question';
import { stringsFor } from './respondent.strings';
import { STYLES } from './respondent.styles';
import { ScaleInput } from './scale-input';

/** Which screen of the survey: the score, the follow-ups of the score's band, or the thank-you. */
export type Screen =
  | { step: 'score' }
  | { step: 'followUps'; score: number }
  | { step: 'thankYou'; band: Band | null }
  /** A page of its own words: an expired or unknown link, a survey already answered. */
  | { step: 'message'; title: string; message: string };

export interface PageInput {
  /** The definition in the respondent's language (`localise`). */
  survey: LocalisedSurvey;
  screen: Screen;
  /** `{{company}}`, `{{contact.*}}` and `{{hidden.*}}` values. */
  values: PlaceholderValues;
  /** Where the form posts; null renders a form that goes nowhere (the builder's preview). */
  action: string | null;
  /** Hidden inputs the responding flow needs back (a token, the version). */
  hidden?: Record<string, string>;
  /**
   * The name of a field people never see or reach (off-screen, out of the tab order, hidden from
   * screen readers) and bots filling every input do: an anonymous page refuses what fills it.
   */
  honeypot?: { name: string; label: string };
  /** Answers to show again, e.g. after a validation error: `score`, `q.<id>`, `q.<id>.other`. */
  answers?: Record<string, FollowUpValue>;
  /** Problems by field name, shown at the field and summarised at the top. */
  errors?: Record<string, string>;
  /** Scripts that enhance the page (the responding flow's island); the page works without them. */
  scripts?: string[];
  /**
   * A score stored provisionally, for the island to confirm: it posts `{ score }` to `url` and
   * then announces `confirmed` in a status region.
   */
  confirm?: { url: string; score: number; confirmed: string };
}

/** The questions a respondent who gave `score` sees. */
export const followUpsFor = (survey: LocalisedSurvey, score: number) => {
  const band = bandOf(survey.primary.kind, survey.primary.scale, score);
  return survey.followUps.filter((q) => q.bands.includes(band));
};

/** A score in `band` (its middle one), to show that band's follow-ups and thank-you. */
export function scoreInBand(survey: Pick<LocalisedSurvey, 'primary'>, band: Band): number | null {
  const { kind, scale } = survey.primary;
  const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i).filter(
    (s) => bandOf(kind, scale, s) === band,
  );
  return scores.length ? scores[Math.floor((scores.length - 1) / 2)]! : null;
}

/** A whole respondent page as HTML: a plain form that works without JavaScript. */
export function renderSurveyPage(input: PageInput): string {
  const survey = mapTexts(input.survey, (text) => fillPlaceholders(text, input.values));
  const strings = stringsFor(survey.language);
  const answers = input.answers ?? {};
  const errors = input.errors ?? {};
  const { screen } = input;
  const band = screen.step === 'followUps' ? bandOf(survey.primary.kind, survey.primary.scale, screen.score) : null;
  const followUps = screen.step === 'followUps' ? followUpsFor(survey, screen.score) : [];
  const thanks =
    screen.step === 'thankYou'
      ? (screen.band && survey.thankYou[screen.band]) || Object.values(survey.thankYou)[0]
      : screen.step === 'message'
        ? { title: screen.title, message: screen.message, redirectUrl: null }
        : null;
  const title = thanks ? thanks.title : survey.primary.text;

  const body = (
    <main>
      <div class="card">
        {survey.branding.logoUrl && <img class="logo" src={survey.branding.logoUrl} alt={input.values.company ?? ''} />}
        {input.confirm && (
          <div
            data-pulse-confirm={input.confirm.url}
            data-score={String(input.confirm.score)}
            data-confirmed={input.confirm.confirmed}
          >
            <p role="status" class="hint"></p>
          </div>
        )}
        {thanks ? (
          <>
            <h1>{thanks.title}</h1>
            <p>{thanks.message}</p>
            {thanks.redirectUrl && (
              <a class="button" href={thanks.redirectUrl}>
                {strings.continue}
              </a>
            )}
          </>
        ) : (
          <form method="post" action={input.action ?? undefined} noValidate={Object.keys(errors).length > 0}>
            {Object.entries(input.hidden ?? {}).map(([name, value]) => (
              <input type="hidden" name={name} value={value} key={name} />
            ))}
            {input.honeypot && (
              <div class="hp" aria-hidden="true">
                <label for={input.honeypot.name}>{input.honeypot.label}</label>
                <input
                  type="text"
                  id={input.honeypot.name}
                  name={input.honeypot.name}
                  tabIndex={-1}
                  autoComplete="off"
                  value=""
                />
              </div>
            )}
            {Object.keys(errors).length > 0 && (
              <div class="summary" role="alert" tabIndex={-1}>
                <p style="margin:0;font-weight:600">{strings.problems}</p>
              </div>
            )}
            {screen.step === 'score' ? (
              <fieldset class="primary" aria-describedby={errors.score ? 'score-error' : undefined}>
                <legend>
                  <h1 style="margin:0;font-size:inherit">{survey.primary.text}</h1>
                </legend>
                <ScaleInput
                  name="score"
                  scale={survey.primary.scale}
                  display={survey.primary.display}
                  minLabel={survey.primary.minLabel}
                  maxLabel={survey.primary.maxLabel}
                  checked={typeof answers.score === 'string' ? Number(answers.score) : null}
                  strings={strings}
                  required
                />
                {errors.score && (
                  <p class="error" id="score-error">
                    {errors.score}
                  </p>
                )}
              </fieldset>
            ) : (
              <>
                <h1 class="sr-only">{survey.primary.text}</h1>
                <input type="hidden" name="score" value={String(screen.step === 'followUps' ? screen.score : '')} />
                <input type="hidden" name="band" value={band ?? ''} />
                {followUps.map((q) => (
                  <FollowUpQuestion
                    key={q.id}
                    question={q}
                    value={answers[`q.${q.id}`]}
                    other={answers[`q.${q.id}.other`] as string | undefined}
                    error={errors[`q.${q.id}`]}
                    strings={strings}
                  />
                ))}
              </>
            )}
            <button type="submit">
              {screen.step === 'score' && survey.followUps.length > 0 ? strings.next : strings.send}
            </button>
          </form>
        )}
      </div>
    </main>
  );

  const accent = survey.branding.accentColor;
  return (
    '<!doctype html>' +
    render(
      <html lang={survey.language} dir={directionOf(survey.language)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{title}</title>
          <style dangerouslySetInnerHTML={{ __html: `:root{--accent:${accent}}${STYLES}` }} />
          {(input.scripts ?? []).map((src) => (
            <script src={src} defer key={src}></script>
          ))}
        </head>
        <body>{body}</body>
      </html>,
    )
  );
}
