/// <reference lib="dom" />
/** @jsxImportSource preact */
/**
 * The website widget: one script a site includes once (`<script src="…/widget.js" data-org="…">`).
 * `Pulse.show({ touchpoint, contact })` shows that touchpoint's survey; `Pulse.init({ rules })`
 * shows one by page path after a delay, once per contact per the touchpoint's fatigue window
 * (`pulse:shown` and `pulse:skipped` events on window say which happened).
 * The panel lives in a shadow root whose `:host` resets every inherited style with !important
 * (which beats the page's own !important), so the host page's CSS cannot reach it. It renders
 * the respondent pages' own score and follow-up components, so both look and read the same.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';

import type { AnswerValue } from '@pulse/shared/schemas/responses';
import type { WidgetAnswerResult, WidgetSurvey } from '@pulse/shared/schemas/widget';

import { FollowUpQuestion } from '../../respondent/follow-up-question';
import { stringsFor } from '../../respondent/respondent.strings';
import { ScaleInput } from '../../respondent/scale-input';
import { WIDGET_STYLES } from './widget.styles';

interface ShowOptions {
  touchpoint: string;
  /** The site's own reference for the visitor (an id, never needed to answer). */
  contact?: string;
  /** Hidden fields the survey declares, e.g. { orderId: '1001' }. */
  hidden?: Record<string, string>;
  lang?: string;
}

interface Rule {
  touchpoint: string;
  /** `*` matches anything: `/checkout/*`, `/thanks`. */
  path: string;
  delaySeconds?: number;
}

interface InitOptions {
  org?: string;
  contact?: string;
  rules?: Rule[];
}

const script = document.currentScript as HTMLScriptElement | null;
const base = script ? new URL(script.src).origin : location.origin;
let org = script?.dataset.org ?? '';
let defaultContact: string | undefined;
let open: HTMLElement | null = null;

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  // No cookies either way: the widget's endpoints are public and answer the calling site only.
  const res = await fetch(`${base}/w/${org}${path}`, { ...init, credentials: 'omit', mode: 'cors' });
  const body = (await res.json()) as T & { error?: { message: string; details?: Array<{ message: string }> } };
  if (!res.ok) throw new Error(body.error?.details?.[0]?.message ?? body.error?.message ?? String(res.status));
  return body;
}

function close() {
  open?.remove();
  open = null;
}

async function fetchSurvey(opts: ShowOptions): Promise<WidgetSurvey> {
  const query = new URLSearchParams({ ...opts.hidden, touchpoint: opts.touchpoint });
  const contact = opts.contact ?? defaultContact;
  if (contact) query.set('contact', contact);
  const lang = opts.lang ?? document.documentElement.lang ?? navigator.language;
  if (lang) query.set('lang', lang);
  return call<WidgetSurvey>(`/survey?${query}`);
}

function mount(survey: WidgetSurvey) {
  close();
  const host = document.createElement('pulse-survey');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{--accent:${survey.accentColor}}${WIDGET_STYLES}`;
  root.appendChild(style);
  const container = document.createElement('div');
  root.appendChild(container);
  document.body.appendChild(host);
  open = host;
  render(<Panel survey={survey} />, container);
  announce('pulse:shown', {});
}

/** Lets the host page know (its analytics, its tests): `pulse:shown`, `pulse:skipped`. */
const announce = (type: string, detail: Record<string, string>) =>
  void window.dispatchEvent(new CustomEvent(type, { detail }));

type Step = { step: 'score' } | { step: 'followUps'; score: number } | { step: 'thankYou'; band: string | null };

function Panel({ survey }: { survey: WidgetSurvey }) {
  const strings = stringsFor(survey.language);
  const [step, setStep] = useState<Step>({ step: 'score' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (form: HTMLFormElement, score: number, stepName: 'score' | 'answers') => {
    const data = new FormData(form);
    const answers: Record<string, AnswerValue> = {};
    const other: Record<string, string> = {};
    for (const q of survey.followUps) {
      const name = `q.${q.id}`;
      const values = data.getAll(name).map(String).filter(Boolean);
      if (values.length) answers[q.id] = q.type === 'multiple' ? values : values[0]!;
      const extra = data.get(`${name}.other`);
      if (typeof extra === 'string' && extra.trim()) other[q.id] = extra;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await call<WidgetAnswerResult>('/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          state: survey.state,
          step: stepName,
          score,
          answers: stepName === 'answers' ? answers : {},
          other: stepName === 'answers' ? other : {},
          website: String(data.get('website') ?? ''),
        }),
      });
      setStep(result.next === 'followUps' ? { step: 'followUps', score } : { step: 'thankYou', band: result.band });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (step.step === 'followUps') return void send(form, step.score, 'answers');
    const chosen = new FormData(form).get('score');
    if (chosen === null) return setError(survey.primary.text);
    void send(form, Number(chosen), 'score');
  };

  const band = step.step === 'followUps' ? survey.bands[String(step.score)] : null;
  const thanks =
    step.step === 'thankYou'
      ? ((step.band && survey.thankYou[step.band as keyof WidgetSurvey['thankYou']]) ??
        Object.values(survey.thankYou)[0])
      : null;
  const titleId = 'pulse-title';

  return (
    <section class="panel" role="dialog" aria-labelledby={titleId} lang={survey.language} dir={survey.dir}>
      <div class="card">
        <button type="button" class="close" aria-label={strings.close} onClick={close}>
          <span aria-hidden="true">×</span>
        </button>
        {thanks ? (
          <div role="status">
            <h2 id={titleId}>{thanks.title}</h2>
            <p>{thanks.message}</p>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <div class="hp" aria-hidden="true">
              <label for="website">{survey.honeypotLabel}</label>
              <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
            </div>
            {step.step === 'score' ? (
              <fieldset class="primary">
                <legend>
                  <h2 id={titleId}>{survey.primary.text}</h2>
                </legend>
                <ScaleInput
                  name="score"
                  scale={survey.primary.scale}
                  display={survey.primary.display}
                  minLabel={survey.primary.minLabel}
                  maxLabel={survey.primary.maxLabel}
                  checked={null}
                  strings={strings}
                  required
                />
              </fieldset>
            ) : (
              <>
                <h2 id={titleId} class="sr-only">
                  {survey.primary.text}
                </h2>
                {survey.followUps
                  .filter((q) => band && q.bands.includes(band))
                  .map((q) => (
                    <FollowUpQuestion
                      key={q.id}
                      question={q}
                      value={undefined}
                      other={undefined}
                      error={undefined}
                      strings={strings}
                    />
                  ))}
              </>
            )}
            {error && (
              <p class="error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" disabled={busy}>
              {step.step === 'score' && survey.followUps.length > 0 ? strings.next : strings.send}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}

async function show(opts: ShowOptions): Promise<boolean> {
  if (!org) throw new Error('Pulse: set data-org on the script tag or call Pulse.init({ org })');
  mount(await fetchSurvey(opts));
  return true;
}

const seenKey = (touchpoint: string, contact: string | undefined) =>
  `pulse:${org}:${touchpoint}:${contact ?? 'anonymous'}`;

/** Shown to this contact within the touchpoint's fatigue window already (on this browser). */
function fatigued(touchpoint: string, contact: string | undefined, days: number) {
  try {
    const last = Number(localStorage.getItem(seenKey(touchpoint, contact)) ?? 0);
    return days > 0 && Date.now() - last < days * 86_400_000;
  } catch {
    // Storage blocked (private mode, sandboxed frame): better to ask than to guess.
    return false;
  }
}

const matches = (pattern: string, path: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  ).test(path);

function init(opts: InitOptions) {
  if (opts.org) org = opts.org;
  defaultContact = opts.contact;
  const rule = (opts.rules ?? []).find((r) => matches(r.path, location.pathname));
  if (!rule) return;
  setTimeout(
    async () => {
      const survey = await fetchSurvey({ touchpoint: rule.touchpoint, contact: defaultContact });
      if (fatigued(rule.touchpoint, defaultContact, survey.fatigueDays)) {
        return announce('pulse:skipped', { touchpoint: rule.touchpoint, reason: 'fatigue' });
      }
      try {
        localStorage.setItem(seenKey(rule.touchpoint, defaultContact), String(Date.now()));
      } catch {
        // See fatigued(): without storage the window cannot be kept on this browser.
      }
      mount(survey);
    },
    (rule.delaySeconds ?? 0) * 1000,
  );
}

(window as unknown as { Pulse: unknown }).Pulse = { show, init, close };
