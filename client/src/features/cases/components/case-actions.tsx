import { Button, Group, Paper, Select, Stack, Textarea, Title } from '@mantine/core';
import { CASE_TRANSITIONS, RootCause, type CaseDetail, type CaseStatus } from '@pulse/shared/schemas/cases';
import { useState } from 'react';

import { FormAlert } from '../../../components/form-alert';
import { errorMessage } from '../../../lib/api-client';
import { useAddCaseNote } from '../api/add-case-note';
import { useChangeCaseStatus } from '../api/change-case-status';
import { useCloseCase } from '../api/close-case';
import { useTeamChoices } from '../../../lib/team-choices';
import { useUpdateCase } from '../api/update-case';
import { STATUS_LABELS } from './case-labels';

/** Status moves the state machine allows from here, a note, and the close form. */
export function CaseActions({ c }: { c: CaseDetail }) {
  const status = useChangeCaseStatus(c.id);
  const note = useAddCaseNote(c.id);
  const close = useCloseCase(c.id);
  const update = useUpdateCase(c.id);
  const teams = useTeamChoices();
  const [text, setText] = useState('');
  const [rootCause, setRootCause] = useState<string | null>(null);
  const [resolved, setResolved] = useState<string | null>('yes');
  const moves = CASE_TRANSITIONS[c.status].filter((s): s is Exclude<CaseStatus, 'closed'> => s !== 'closed');
  const error = status.error ?? note.error ?? close.error ?? update.error;
  return (
    <Paper bg="white" p="md" component="section" aria-labelledby="actions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="actions-title">
          Work on it
        </Title>
        <FormAlert message={error ? errorMessage(error) : null} />
        <Group gap="xs">
          {moves.map((to) => (
            <Button
              key={to}
              size="xs"
              variant="light"
              loading={status.isPending && status.variables?.status === to}
              onClick={() => status.mutate({ from: c.status, status: to })}
            >
              {c.status === 'resolved' || c.status === 'closed'
                ? to === 'open'
                  ? 'Reopen'
                  : STATUS_LABELS[to]
                : STATUS_LABELS[to]}
            </Button>
          ))}
        </Group>
        <Select
          label="Team"
          placeholder="No team"
          clearable
          data={teams.data ?? []}
          value={c.teamId}
          disabled={update.isPending}
          onChange={(teamId) => update.mutate({ teamId })}
        />
        <Textarea
          label="Internal note"
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="default"
            disabled={!text.trim()}
            loading={note.isPending}
            onClick={() => note.mutate({ text }, { onSuccess: () => setText('') })}
          >
            Add note
          </Button>
        </Group>
        {CASE_TRANSITIONS[c.status].includes('closed') && (
          <Group align="flex-end" gap="sm">
            <Select
              label="Root cause"
              placeholder="Choose one"
              data={RootCause.options}
              value={rootCause}
              onChange={setRootCause}
            />
            <Select
              label="Resolved?"
              data={[
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No' },
              ]}
              value={resolved}
              onChange={setResolved}
              allowDeselect={false}
            />
            <Button
              color="gray"
              disabled={!rootCause}
              loading={close.isPending}
              onClick={() => close.mutate({ rootCause: rootCause as RootCause, resolved: resolved === 'yes' })}
            >
              Close case
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
