import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconPlus, IconTrash } from '@tabler/icons-react';

import { DangerAction } from '../../../components/danger-action';
import { ActionsHeader, DataTable } from '../../../components/data-table';
import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { useDeleteAlertRule } from '../api/delete-alert-rule';
import { useAlertRules } from '../api/get-alert-rules';
import { RuleEditorModal } from '../components/rule-editor-modal';
import { describeGroups } from '../components/rule-summary';

export function AlertRulesRoute() {
  const rules = useAlertRules();
  const remove = useDeleteAlertRule();
  const [opened, editor] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Alert rules"
        description="Who hears of which feedback within minutes, and which answers open a follow-up case. A rule fires once per response."
        action={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={editor.open}>
            New rule
          </Button>
        }
      />
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
                  <ActionsHeader />
                </>
              }
            >
              {d.rules.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.order}</Table.Td>
                  <Table.Td>
                    <Text fw={600}>{r.name}</Text>
                    <Badge variant="light" color={r.priority === 'urgent' || r.priority === 'high' ? 'red' : 'gray'}>
                      {r.priority}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{describeGroups(r.groups)}</Table.Td>
                  <Table.Td>
                    {[
                      r.openCase && `opens a case due in ${r.slaHours} h`,
                      r.channels.emails.length > 0 &&
                        `emails ${r.channels.emails.join(', ')}${r.delivery === 'immediate' ? '' : ` (${r.delivery} digest)`}`,
                      r.channels.attributeEmail && `emails the contact's ${r.channels.attributeEmail}`,
                      r.channels.chatUrl && 'posts to chat',
                      r.channels.webhook && 'webhooks',
                      r.noAnswerDays && `alerts on no answer after ${r.noAnswerDays} days`,
                      r.stopAfter && 'then stops',
                    ]
                      .filter(Boolean)
                      .join('; ') || 'nothing yet'}
                  </Table.Td>
                  <Table.Td>
                    <DangerAction
                      text="Delete"
                      label={`Delete rule ${r.name}`}
                      icon={IconTrash}
                      loading={remove.isPending && remove.variables === r.id}
                      onClick={() => remove.mutate(r.id)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Paper>
        )}
      </QueryContent>
      <RuleEditorModal opened={opened} onClose={editor.close} />
    </>
  );
}
