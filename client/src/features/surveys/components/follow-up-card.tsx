import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { bandsOf, type Band } from '@pulse/shared/metrics/scales';
import type { FollowUp } from '@pulse/shared/schemas/survey-definition';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash, IconX } from '@tabler/icons-react';

import type { FieldErrors } from '../../../lib/forms';
import { bandLabel, QUESTION_TYPE_LABELS } from './survey-labels';
import { nextId, type Draft, type UpdateDraft } from './use-draft';

interface FollowUpCardProps {
  draft: Draft;
  index: number;
  update: UpdateDraft;
  errors: FieldErrors;
}

const RATING_SCALES = ['1-5', '1-7', '0-10'];

/** One follow-up question: its wording, which bands see it, and its options or scale. */
export function FollowUpCard({ draft, index, update, errors }: FollowUpCardProps) {
  const q = draft.followUps[index]!;
  const at = (rest: string) => `followUps.${index}.${rest}`;
  const edit = (fn: (q: FollowUp) => void) => update((d) => fn(d.followUps[index]!));
  const count = draft.followUps.length;
  const label = `Question ${index + 1}`;

  const move = (by: number) =>
    update((d) => {
      const [item] = d.followUps.splice(index, 1);
      d.followUps.splice(index + by, 0, item!);
    });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`${label}: ${QUESTION_TYPE_LABELS[q.type]}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {label} · {QUESTION_TYPE_LABELS[q.type]}
          </Text>
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move ${label} up`}
              disabled={index === 0}
              onClick={() => move(-1)}
            >
              <IconArrowUp size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move ${label} down`}
              disabled={index === count - 1}
              onClick={() => move(1)}
            >
              <IconArrowDown size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove ${label}`}
              onClick={() => update((d) => void d.followUps.splice(index, 1))}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <Textarea
          label="Question"
          autosize
          minRows={1}
          value={q.text}
          onChange={(e) => {
            const value = e.currentTarget.value;
            edit((x) => void (x.text = value));
          }}
          error={errors[at('text')]}
        />
        <Checkbox.Group
          label="Shown to"
          value={q.bands}
          onChange={(value) => edit((x) => void (x.bands = value as Band[]))}
          error={errors[at('bands')] ?? Object.entries(errors).find(([p]) => p.startsWith(at('bands.')))?.[1]}
        >
          <Group gap="md" mt={6}>
            {bandsOf(draft.primary.kind).map((band) => (
              <Checkbox key={band} value={band} label={bandLabel(draft.primary.kind, draft.primary.scale, band)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch
          label="Answer required"
          checked={q.required}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            edit((x) => void (x.required = checked));
          }}
        />
        {q.type === 'text' && (
          <TextInput
            label="Placeholder in the box"
            value={q.placeholder ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              edit((x) => void (x.type === 'text' && (x.placeholder = value || null)));
            }}
            error={errors[at('placeholder')]}
          />
        )}
        {(q.type === 'single' || q.type === 'multiple') && (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              Options (reason codes)
            </Text>
            {errors[at('options')] && (
              <Text size="sm" c="red.8">
                {errors[at('options')]}
              </Text>
            )}
            {q.options.map((o, j) => (
              <Group key={o.id} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={`Option ${j + 1}`}
                  value={o.label}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    edit((x) => void (x.type !== 'text' && x.type !== 'rating' && (x.options[j]!.label = value)));
                  }}
                  error={errors[at(`options.${j}.label`)] ?? errors[at(`options.${j}.id`)]}
                />
                <ActionIcon
                  mt={26}
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove option ${j + 1}`}
                  onClick={() => edit((x) => void (x.type !== 'text' && x.type !== 'rating' && x.options.splice(j, 1)))}
                >
                  <IconX size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() =>
                  edit((x) => {
                    if (x.type === 'single' || x.type === 'multiple') {
                      x.options.push({
                        id: nextId(
                          'o',
                          x.options.map((o) => o.id),
                        ),
                        label: '',
                      });
                    }
                  })
                }
              >
                Add option
              </Button>
            </Group>
            <Checkbox
              label="Offer “Other” with a text box"
              checked={q.otherLabel !== null}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                edit(
                  (x) =>
                    void (
                      x.type !== 'text' &&
                      x.type !== 'rating' &&
                      (x.otherLabel = checked ? 'Something else' : null)
                    ),
                );
              }}
            />
            {q.otherLabel !== null && (
              <TextInput
                label="“Other” label"
                value={q.otherLabel}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  edit((x) => void (x.type !== 'text' && x.type !== 'rating' && (x.otherLabel = value)));
                }}
                error={errors[at('otherLabel')]}
              />
            )}
          </Stack>
        )}
        {q.type === 'rating' && (
          <Group grow align="flex-start">
            <Select
              label="Scale"
              data={RATING_SCALES.map((s) => ({ value: s, label: s.replace('-', ' to ') }))}
              value={`${q.scale.min}-${q.scale.max}`}
              allowDeselect={false}
              onChange={(value) => {
                const [min, max] = (value ?? '1-5').split('-').map(Number);
                edit((x) => void (x.type === 'rating' && (x.scale = { min: min!, max: max! })));
              }}
            />
            <TextInput
              label="Low end"
              value={q.minLabel}
              onChange={(e) => {
                const value = e.currentTarget.value;
                edit((x) => void (x.type === 'rating' && (x.minLabel = value)));
              }}
              error={errors[at('minLabel')]}
            />
            <TextInput
              label="High end"
              value={q.maxLabel}
              onChange={(e) => {
                const value = e.currentTarget.value;
                edit((x) => void (x.type === 'rating' && (x.maxLabel = value)));
              }}
              error={errors[at('maxLabel')]}
            />
          </Group>
        )}
        {errors[at('id')] && (
          <Text size="sm" c="red.8">
            {errors[at('id')]}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
