import { Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { SlaPolicy } from '@pulse/shared/schemas/sla';
import { IconClock, IconPlus, IconTrash } from '@tabler/icons-react';

import { DangerAction } from '../../../components/danger-action';
import { ActionsHeader, DataTable } from '../../../components/data-table';
import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { useCan } from '../../../lib/session';
import { useDeleteSlaPolicy } from '../api/change-sla';
import { useTouchpointOptions } from '../api/get-options';
import { useSlaCalendar, useSlaPolicies } from '../api/get-sla';
import { CalendarForm } from '../components/calendar-form';
import { PolicyEditorModal } from '../components/policy-editor-modal';

const hours = (minutes: number) => `${Number((minutes / 60).toFixed(2))} h`;

function describeSteps(p: SlaPolicy): string {
  if (!p.escalations.length) return 'none';
  return p.escalations
    .map((s) => {
      const what = [
        s.notify.length && `notify ${s.notify.join(', ')}`,
        s.reassignTo && 'reassign',
        s.raisePriority && 'raise priority',
      ].filter(Boolean);
      return `${s.percent === 100 ? 'at breach' : `at ${s.percent}%`}: ${what.join(', ')}`;
    })
    .join('; ');
}

export function SlaRoute() {
  const policies = useSlaPolicies();
  const calendar = useSlaCalendar();
  const touchpoints = useTouchpointOptions();
  const remove = useDeleteSlaPolicy();
  const canManage = useCan('org.manage');
  const [opened, editor] = useDisclosure(false);
  const touchpointName = (id: string | null) =>
    id ? (touchpoints.data?.find((t) => t.value === id)?.label ?? 'a deleted touchpoint') : 'Any touchpoint';
  return (
    <>
      <PageHeader
        title="SLA policies"
        description="How fast each touchpoint and priority must hear back and be resolved, on business hours or around the clock, and who is told before and when a case runs late."
        action={
          canManage && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={editor.open}>
              New policy
            </Button>
          )
        }
      />
      <Stack gap="md">
        <QueryContent
          query={policies}
          skeleton={<TableSkeleton label="Loading SLA policies" />}
          errorTitle="SLA policies could not be loaded"
          empty={{
            when: (d) => d.policies.length === 0,
            icon: IconClock,
            title: 'No SLA policies yet',
            description:
              'Without one, a case is due when its alert rule says. Start with a default for any touchpoint and priority.',
          }}
        >
          {(d) => (
            <Paper bg="white">
              <DataTable
                head={
                  <>
                    <Table.Th>Policy</Table.Th>
                    <Table.Th>Applies to</Table.Th>
                    <Table.Th>Targets</Table.Th>
                    <Table.Th>Escalation</Table.Th>
                    {canManage && <ActionsHeader />}
                  </>
                }
              >
                {d.policies.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Text fw={600}>{p.name}</Text>
                      <Badge variant="light" color={p.clock === '24/7' ? 'grape' : 'blue'}>
                        {p.clock === '24/7' ? '24/7' : 'Business hours'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {touchpointName(p.touchpointId)} · {p.priority ?? 'any priority'}
                    </Table.Td>
                    <Table.Td>
                      First response {hours(p.firstResponseMinutes)}, resolution {hours(p.resolutionMinutes)}
                    </Table.Td>
                    <Table.Td>{describeSteps(p)}</Table.Td>
                    {canManage && (
                      <Table.Td>
                        <DangerAction
                          text="Delete"
                          label={`Delete policy ${p.name}`}
                          icon={IconTrash}
                          loading={remove.isPending && remove.variables === p.id}
                          onClick={() => remove.mutate(p.id)}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </DataTable>
            </Paper>
          )}
        </QueryContent>
        <QueryContent
          query={calendar}
          skeleton={<TableSkeleton label="Loading business hours" />}
          errorTitle="Business hours could not be loaded"
        >
          {(d) => <CalendarForm calendar={d.calendar} canManage={canManage} />}
        </QueryContent>
      </Stack>
      {canManage && <PolicyEditorModal opened={opened} onClose={editor.close} />}
    </>
  );
}
