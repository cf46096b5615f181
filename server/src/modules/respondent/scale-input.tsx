/** @jsxImportSource preact */
import type { Display } from '@pulse/shared/schemas/survey-definition';
import type { Scale } from '@pulse/shared/metrics/scales';

import type { Strings } from './respondent.strings';

const EMOJI: Record<number, readonly string[]> = {
  3: ['🙁', '😐', '🙂'],
  5: ['😠', '🙁', '😐', '🙂', '😄'],
  7: ['😠', '😟', '🙁', '😐', '🙂', '😊', '😄'],
};

const faceOf = (scale: Scale, score: number) => {
  const count = scale.max - scale.min + 1;
  const faces = EMOJI[count] ?? EMOJI[5]!;
  return faces[Math.round(((score - scale.min) / Math.max(count - 1, 1)) * (faces.length - 1))];
};

/**
 * A score scale as a radio group inside its fieldset: works as a plain form, arrow keys move
 * between scores, and every score has a spoken name ("3 out of 5") whatever it looks like.
 */
export function ScaleInput(props: {
  name: string;
  scale: Scale;
  display: Display;
  minLabel: string;
  maxLabel: string;
  checked: number | null;
  strings: Strings;
  required: boolean;
  describedBy?: string;
}) {
  const { name, scale, display, strings } = props;
  const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const endsId = `${name}-ends`;
  return (
    <div>
      <div class={`scale ${display}`} role="radiogroup" aria-describedby={endsId}>
        {scores.map((score) => {
          const id = `${name}-${score}`;
          const spoken = strings.scoreOf(score, scale.max);
          return (
            <div class="choice" key={score}>
              <input
                type="radio"
                id={id}
                name={name}
                value={String(score)}
                checked={props.checked === score}
                required={props.required}
              />
              <label for={id}>
                {display === 'number' ? (
                  <>
                    <span aria-hidden="true">{score}</span>
                    <span class="sr-only">{spoken}</span>
                  </>
                ) : (
                  <>
                    <span aria-hidden="true">{display === 'star' ? '★' : faceOf(scale, score)}</span>
                    <span class="sr-only">{spoken}</span>
                  </>
                )}
              </label>
            </div>
          );
        })}
      </div>
      <div class="ends" id={endsId}>
        <span>
          {scale.min} = {props.minLabel}
        </span>
        <span>
          {scale.max} = {props.maxLabel}
        </span>
      </div>
    </div>
  );
}
