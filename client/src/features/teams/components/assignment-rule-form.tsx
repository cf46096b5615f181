import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import type { AssignmentRule, Team } from '@pulse/shared/schemas/teams';
import { useState } from 'react';

import type { AssignmentRuleInput } from '../api/save-assignment-rule';

type Choice = { value: string; label: string };

interface Props {
  /** The rule to change; without one the form adds a rule at `position`. */
  rule?: AssignmentRule;
  position: number;
  teams: Team[];
  people: Choice[];
  touchpoints: Choice[];
  saving: boolean;
  onSave: (body: AssignmentRuleInput, done: () => void) => void;
  onCancel?: () => void;
}

/**
 * An attribute keeps the type it was saved with: a rule on `tier = 2` made through the API still
 * matches the number 2 after its name is edited here, where every value is typed as text.
 */
function typedLike(original: unknown, text: string): string | number | boolean {
  if (typeof original === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (typeof original === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

const blank = (position: number) => ({
  name: '',
  position,
  touchpointId: null as string | null,
  key: '',
  value: '',
  teamId: null as string | null,
  strategy: 'round_robin' as AssignmentRule['strategy'],
  userId: null as string | null,
});

const fieldsOf = (r: AssignmentRule) => ({
  name: r.name,
  position: r.position,
  touchpointId: r.touchpointId,
  key: r.attribute?.key ?? '',
  value: r.attribute ? String(r.attribute.value) : '',
  teamId: r.teamId,
  strategy: r.strategy,
  userId: r.userId,
});

/** The fields of one assignment rule, in a row: to add a rule, or to change the one opened. */
export function AssignmentRuleForm({ rule, position, teams, people, touchpoints, saving, onSave, onCancel }: Props) {
  const [form, setForm] = useState(() => (rule ? fieldsOf(rule) : blank(position)));
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const what = rule ? `rule ${rule.name}` : 'new rule';
  return (
    <Group align="flex-end" gap="sm" role="group" aria-label={rule ? `Edit rule ${rule.name}` : 'New assignment rule'}>
      <TextInput label="Rule name" value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} />
      <NumberInput
        label="Position"
        w={90}
        min={0}
        value={form.position}
        onChange={(v) => set({ position: Number(v) || 0 })}
      />
      <Select
        label="Touchpoint"
        placeholder="Any"
        clearable
        data={touchpoints}
        value={form.touchpointId}
        onChange={(v) => set({ touchpointId: v })}
      />
      <TextInput
        label="Attribute"
        placeholder="region"
        w={110}
        value={form.key}
        onChange={(e) => set({ key: e.currentTarget.value })}
      />
      <TextInput
        label="equals"
        placeholder="EU"
        w={90}
        value={form.value}
        onChange={(e) => set({ value: e.currentTarget.value })}
      />
      <Select
        label="Team"
        data={teams.map((t) => ({ value: t.id, label: t.name }))}
        value={form.teamId}
        onChange={(v) => set({ teamId: v })}
      />
      <Select
        label="Who"
        w={140}
        allowDeselect={false}
        data={[
          { value: 'round_robin', label: 'Round robin' },
          { value: 'fixed', label: 'One person' },
        ]}
        value={form.strategy}
        onChange={(v) => set({ strategy: (v ?? 'round_robin') as typeof form.strategy })}
      />
      {form.strategy === 'fixed' && (
        <Select label="Person" data={people} value={form.userId} onChange={(v) => set({ userId: v })} />
      )}
      <Button
        disabled={!form.name.trim() || !form.teamId}
        loading={saving}
        aria-label={rule ? `Save ${what}` : undefined}
        onClick={() =>
          onSave(
            {
              name: form.name.trim(),
              position: form.position,
              touchpointId: form.touchpointId,
              attribute: form.key.trim()
                ? { key: form.key.trim(), value: typedLike(rule?.attribute?.value, form.value) }
                : null,
              teamId: form.teamId!,
              strategy: form.strategy,
              userId: form.strategy === 'fixed' ? form.userId : null,
            },
            // Added: the row is cleared for the next rule, one position further.
            () => set({ ...blank(form.position + 10) }),
          )
        }
      >
        {rule ? 'Save rule' : 'Add rule'}
      </Button>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      )}
    </Group>
  );
}
