import {
  ActionIcon,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Team } from '@pulse/shared/schemas/teams';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';

import { FormAlert } from '../../../components/form-alert';
import { errorMessage } from '../../../lib/api-client';
import { useCreateTeam, useDeleteTeam, useUpdateTeam } from '../api/save-team';

interface Props {
  teams: Team[];
  people: { value: string; label: string }[];
  mayManage: boolean;
}

/** Teams and their members; admins add, change and remove them in place. */
export function TeamsSection({ teams, people, mayManage }: Props) {
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const remove = useDeleteTeam();
  const [name, setName] = useState('');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const nameOf = new Map(people.map((p) => [p.value, p.label]));
  const error = create.error ?? update.error ?? remove.error;
  return (
    <Paper bg="white" p="md" component="section" aria-labelledby="teams-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="teams-title">
          Teams
        </Title>
        <FormAlert message={error ? errorMessage(error) : null} />
        {teams.length === 0 ? (
          <Text c="dimmed">No teams yet. A team receives cases, escalations and alerts together.</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Team</Table.Th>
                  <Table.Th>Members (round-robin order)</Table.Th>
                  {mayManage && <Table.Th aria-label="Actions" />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {teams.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td fw={600}>{t.name}</Table.Td>
                    <Table.Td>
                      {mayManage ? (
                        <MultiSelect
                          aria-label={`Members of ${t.name}`}
                          data={people}
                          value={t.memberIds}
                          searchable
                          onChange={(ids) => update.mutate({ id: t.id, body: { memberIds: ids } })}
                        />
                      ) : (
                        <Group gap={4}>
                          {t.memberIds.map((id) => (
                            <Badge key={id} variant="light">
                              {nameOf.get(id) ?? 'Former member'}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    {mayManage && (
                      <Table.Td w={48}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Delete ${t.name}`}
                          onClick={() => remove.mutate(t.id)}
                        >
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {mayManage && (
          <Group align="flex-end" gap="sm">
            <TextInput
              label="New team"
              placeholder="Support EU"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <MultiSelect label="Members" data={people} value={memberIds} onChange={setMemberIds} searchable miw={260} />
            <Button
              disabled={!name.trim()}
              loading={create.isPending}
              onClick={() =>
                create.mutate(
                  { name: name.trim(), memberIds },
                  {
                    onSuccess: () => {
                      setName('');
                      setMemberIds([]);
                    },
                  },
                )
              }
            >
              Create team
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
