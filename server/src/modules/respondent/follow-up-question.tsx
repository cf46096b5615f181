/** @jsxImportSource preact */
import type { FollowUp } from '@pulse/shared/schemas/survey-definition';

import type { Strings } from './respondent.strings';
import { ScaleInput } from './scale-input';

export type FollowUpValue = string | string[] | undefined;

/** One follow-up as a form field; names are `q.<id>` (and `q.<id>.other` for the "other" text). */
export function FollowUpQuestion(props: {
  question: FollowUp;
  value: FollowUpValue;
  other: string | undefined;
  error: string | undefined;
  strings: Strings;
}) {
  const { question: q, strings } = props;
  const name = `q.${q.id}`;
  const errorId = `${name}-error`;
  const hint = <span class="hint"> ({q.required ? strings.required : strings.optional})</span>;
  const error = props.error ? (
    <p class="error" id={errorId}>
      {props.error}
    </p>
  ) : null;

  if (q.type === 'text') {
    return (
      <div class="field" style="margin-block-end:1.5rem">
        <label class="text" for={name}>
          {q.text}
          {hint}
        </label>
        <textarea
          id={name}
          name={name}
          maxLength={2000}
          placeholder={q.placeholder ?? undefined}
          required={q.required}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? errorId : undefined}
        >
          {typeof props.value === 'string' ? props.value : ''}
        </textarea>
        {error}
      </div>
    );
  }

  if (q.type === 'rating') {
    return (
      <fieldset aria-describedby={props.error ? errorId : undefined}>
        <legend>
          {q.text}
          {hint}
        </legend>
        <ScaleInput
          name={name}
          scale={q.scale}
          display={q.display}
          minLabel={q.minLabel}
          maxLabel={q.maxLabel}
          checked={typeof props.value === 'string' ? Number(props.value) : null}
          strings={strings}
          required={q.required}
        />
        {error}
      </fieldset>
    );
  }

  const chosen = new Set(Array.isArray(props.value) ? props.value : props.value ? [props.value] : []);
  const type = q.type === 'single' ? 'radio' : 'checkbox';
  return (
    <fieldset aria-describedby={props.error ? errorId : undefined}>
      <legend>
        {q.text}
        {hint}
      </legend>
      <div class="options">
        {q.options.map((o) => (
          <label class="option" key={o.id}>
            <input type={type} name={name} value={o.id} checked={chosen.has(o.id)} />
            {o.label}
          </label>
        ))}
        {q.otherLabel && (
          <>
            <label class="option">
              <input type={type} name={name} value="other" checked={chosen.has('other')} />
              {q.otherLabel}
            </label>
            <label class="sr-only" for={`${name}.other`}>
              {q.otherLabel}: {strings.otherDetail}
            </label>
            <input
              type="text"
              id={`${name}.other`}
              name={`${name}.other`}
              maxLength={500}
              placeholder={strings.otherDetail}
              value={props.other ?? ''}
            />
          </>
        )}
      </div>
      {error}
    </fieldset>
  );
}
