import { Badge, Button, Paper, Switch, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { AlertRule } from '@pulse/shared/schemas/alerts';
import { IconBell, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';

import { ConfirmModal } from '../../../components/confirm-modal';
import { RowEditActions } from '../../../components/row-edit-actions';
import { ActionsHeader, DataTable } from '../../../components/data-table';
import { FormAlert } from '../../../components/form-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { errorMessage } from '../../../lib/api-client';
import { useDeleteAlertRule } from '../api/delete-alert-rule';
import { useAlertRules } from '../api/get-alert-rules';
import { useUpdateAlertRule } from '../api/update-alert-rule';
import { RuleEditorModal } from '../components/rule-editor-modal';
import { describeActions, describeGroups } from '../components/rule-summary';

export function AlertRulesRoute() {
  const rules = useAlertRules();
  const remove = useDeleteAlertRule();
  const toggle = useUpdateAlertRule();
  const [creating, creator] = useDisclosure(false);
  const [editing, setEditing] = useState<AlertRule | null>(null);
  const [deleting, setDeleting] = useState<AlertRule | null>(null);
  const error = toggle.error ?? remove.error;
  return (
    <>
      <PageHeader
        title="Alert rules"
        description="Who hears of which feedback within minutes, and which answers open a follow-up case. A rule fires once per response."
        action={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={creator.open}>
            New rule
          </Button>
        }
      />
      <FormAlert message={error ? errorMessage(error) : null} />
      <QueryContent
        query={rules}
        skeleton={<TableSkeleton label="Loading alert rules" />}
        errorTitle="Alert rules could not be loaded"
        empty={{
          when: (d) => d.rules.length === 0,
          icon: IconBell,
          title: 'No alert rules yet',
          description: 'Start with detractors who left a comment: someone should call them back today.',
        }}
      >
        {(d) => (
          <Paper bg="white">
            <DataTable
              head={
                <>
                  <Table.Th>Order</Table.Th>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Then</Table.Th>
                  <Table.Th>On</Table.Th>
                  <ActionsHeader />
                </>
              }
            >
              {d.rules.map((r) => (
                <Table.Tr key={r.id} c={r.enabled ? undefined : 'dimmed'}>
                  <Table.Td>{r.order}</Table.Td>
                  <Table.Td>
                    <Text fw={600}>{r.name}</Text>
                    <Badge variant="light" color={r.priority === 'urgent' || r.priority === 'high' ? 'red' : 'gray'}>
                      {r.priority}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{describeGroups(r.groups)}</Table.Td>
                  <Table.Td>{describeActions(r)}</Table.Td>
                  <Table.Td>
                    {/* Off keeps the rule and its firings; it simply stops matching new responses. */}
                    <Switch
                      aria-label={`Rule ${r.name} is on`}
                      checked={r.enabled}
                      disabled={toggle.isPending && toggle.variables.id === r.id}
                      onChange={(e) => toggle.mutate({ id: r.id, body: { enabled: e.currentTarget.checked } })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RowEditActions
                      what={`rule ${r.name}`}
                      onEdit={() => setEditing(r)}
                      onDelete={() => setDeleting(r)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Paper>
        )}
      </QueryContent>
      <RuleEditorModal opened={creating} onClose={creator.close} />
      {/* Keyed by rule: the form starts from the rule opened, not from the one before. */}
      {editing && <RuleEditorModal key={editing.id} opened rule={editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete rule ${deleting?.name ?? ''}?`}
        confirmLabel="Delete rule"
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        It stops alerting at once. The cases it opened stay, and so does everything they record.
      </ConfirmModal>
    </>
  );
}
