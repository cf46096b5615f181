import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { AssignmentRule, Team } from '@pulse/shared/schemas/teams';
import { useState } from 'react';

import { ConfirmModal } from '../../../components/confirm-modal';
import { FormAlert } from '../../../components/form-alert';
import { RowEditActions } from '../../../components/row-edit-actions';
import { errorMessage } from '../../../lib/api-client';
import { useCreateAssignmentRule, useDeleteAssignmentRule, useUpdateAssignmentRule } from '../api/save-assignment-rule';
import { AssignmentRuleForm } from './assignment-rule-form';

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
  const update = useUpdateAssignmentRule();
  const remove = useDeleteAssignmentRule();
  const [editing, setEditing] = useState<AssignmentRule | null>(null);
  const [deleting, setDeleting] = useState<AssignmentRule | null>(null);
  const label = (list: Choice[]) => new Map(list.map((c) => [c.value, c.label]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const person = label(people);
  const touchpoint = label(touchpoints);
  const error = create.error ?? update.error ?? remove.error;
  const formProps = { teams, people, touchpoints };
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
          <Table.ScrollContainer minWidth={560}>
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
                      <Table.Td w={1}>
                        <RowEditActions
                          what={`rule ${r.name}`}
                          onEdit={() => setEditing(r)}
                          onDelete={() => setDeleting(r)}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {mayManage &&
          (editing ? (
            <Stack gap={4}>
              <Text fw={600}>Changing rule {editing.name}</Text>
              {/* Keyed by rule: the fields start from the rule opened, not from the one before. */}
              <AssignmentRuleForm
                key={editing.id}
                rule={editing}
                position={editing.position}
                {...formProps}
                saving={update.isPending}
                onSave={(body) => update.mutate({ id: editing.id, body }, { onSuccess: () => setEditing(null) })}
                onCancel={() => {
                  update.reset();
                  setEditing(null);
                }}
              />
            </Stack>
          ) : (
            <AssignmentRuleForm
              position={rules.length * 10 + 10}
              {...formProps}
              saving={create.isPending}
              onSave={(body, done) => create.mutate(body, { onSuccess: done })}
            />
          ))}
      </Stack>
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete rule ${deleting?.name ?? ''}?`}
        confirmLabel="Delete rule"
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        New cases it would have assigned go to the next rule that matches, or stay unassigned. Cases it already assigned
        keep their assignee.
      </ConfirmModal>
    </Paper>
  );
}
