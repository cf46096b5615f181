import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { AssignmentRule, Team } from '@pulse/shared/schemas/teams';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';

import { FormAlert } from '../../../components/form-alert';
import { errorMessage } from '../../../lib/api-client';
import { useCreateAssignmentRule, useDeleteAssignmentRule } from '../api/save-assignment-rule';

type Choice = { value: string; label: string };

interface Props {
  rules: AssignmentRule[];
  teams: Team[];
  people: Choice[];
  touchpoints: Choice[];
  mayManage: boolean;
}

const matchOf = (r: AssignmentRule, touchpoint: Map<string, string>) =>
  [
    r.touchpointId && `touchpoint ${touchpoint.get(r.touchpointId) ?? 'removed'}`,
    r.attribute && `${r.attribute.key} = ${String(r.attribute.value)}`,
  ]
    .filter(Boolean)
    .join(' and ');

/** The ordered rules that give new cases a team and a person, and a form to add one. */
export function AssignmentRulesSection({ rules, teams, people, touchpoints, mayManage }: Props) {
  const create = useCreateAssignmentRule();
  const remove = useDeleteAssignmentRule();
  const [form, setForm] = useState({
    name: '',
    position: rules.length * 10 + 10,
    touchpointId: null as string | null,
    key: '',
    value: '',
    teamId: null as string | null,
    strategy: 'round_robin' as 'round_robin' | 'fixed',
    userId: null as string | null,
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const label = (list: Choice[]) => new Map(list.map((c) => [c.value, c.label]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const person = label(people);
  const touchpoint = label(touchpoints);
  const error = create.error ?? remove.error;
  return (
    <Paper bg="white" p="md" component="section" aria-labelledby="rules-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="rules-title">
          Assignment rules
        </Title>
        <Text size="sm" c="dimmed">
          A new case without an assignee goes to the first rule that matches, tried from the lowest position.
        </Text>
        <FormAlert message={error ? errorMessage(error) : null} />
        {rules.length === 0 ? (
          <Text c="dimmed">No rules: new cases stay unassigned until someone takes them.</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>Rule</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Goes to</Table.Th>
                {mayManage && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.position}</Table.Td>
                  <Table.Td fw={600}>{r.name}</Table.Td>
                  <Table.Td>{matchOf(r, touchpoint)}</Table.Td>
                  <Table.Td>
                    {teamName.get(r.teamId) ?? 'Deleted team'},{' '}
                    {r.strategy === 'fixed' ? (person.get(r.userId ?? '') ?? 'a former member') : 'round robin'}
                  </Table.Td>
                  {mayManage && (
                    <Table.Td w={48}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Delete rule ${r.name}`}
                        onClick={() => remove.mutate(r.id)}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {mayManage && (
          <Group align="flex-end" gap="sm">
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
              loading={create.isPending}
              onClick={() =>
                create.mutate(
                  {
                    name: form.name.trim(),
                    position: form.position,
                    touchpointId: form.touchpointId,
                    attribute: form.key.trim() ? { key: form.key.trim(), value: form.value } : null,
                    teamId: form.teamId!,
                    strategy: form.strategy,
                    userId: form.strategy === 'fixed' ? form.userId : null,
                  },
                  { onSuccess: () => set({ name: '', key: '', value: '', position: form.position + 10 }) },
                )
              }
            >
              Add rule
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
