import { Button, Menu, Stack, Text } from '@mantine/core';
import { bandsOf } from '@pulse/shared/metrics/scales';
import type { FollowUp, QuestionType } from '@pulse/shared/schemas/survey-definition';
import { IconPlus } from '@tabler/icons-react';

import type { FieldErrors } from '../../../lib/forms';
import { FollowUpCard } from './follow-up-card';
import { QUESTION_TYPE_LABELS } from './survey-labels';
import { nextId, type Draft, type UpdateDraft } from './use-draft';

function newQuestion(type: QuestionType, draft: Draft): FollowUp {
  const id = nextId(
    'q',
    draft.followUps.map((q) => q.id),
  );
  const base = { id, text: '', required: false, bands: [...bandsOf(draft.primary.kind)] };
  switch (type) {
    case 'text':
      return { ...base, type, placeholder: null };
    case 'rating':
      return { ...base, type, scale: { min: 1, max: 5 }, display: 'number', minLabel: 'Poor', maxLabel: 'Excellent' };
    default:
      return {
        ...base,
        type,
        options: [
          { id: 'o1', label: '' },
          { id: 'o2', label: '' },
        ],
        otherLabel: null,
      };
  }
}

export function FollowUpsEditor({ draft, update, errors }: { draft: Draft; update: UpdateDraft; errors: FieldErrors }) {
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Asked after the score, to the bands you pick: ask detractors what went wrong, promoters what they love.
      </Text>
      {errors.followUps && (
        <Text size="sm" c="red.8">
          {errors.followUps}
        </Text>
      )}
      {draft.followUps.map((q, index) => (
        <FollowUpCard key={q.id} draft={draft} index={index} update={update} errors={errors} />
      ))}
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} w="fit-content">
            Add follow-up question
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(Object.keys(QUESTION_TYPE_LABELS) as QuestionType[]).map((type) => (
            <Menu.Item key={type} onClick={() => update((d) => void d.followUps.push(newQuestion(type, d)))}>
              {QUESTION_TYPE_LABELS[type]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}
