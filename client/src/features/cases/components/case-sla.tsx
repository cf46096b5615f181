import { Badge, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@pulse/shared/schemas/cases';

import { formatDateTime } from '../../../lib/format';

const duration = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  return h >= 48 ? `${Math.floor(h / 24)} d ${h % 24} h` : `${h} h ${minutes % 60} min`;
};

function Target({ label, due, met }: { label: string; due: string | null; met: string | null }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{due ? `Due ${formatDateTime(due)}` : 'No target'}</Text>
      {met && <Text size="sm">Met {formatDateTime(met)}</Text>}
    </div>
  );
}

/** Due times on the policy's clock, and how long the case has been open on both clocks. */
export function CaseSla({ c }: { c: CaseDetail }) {
  return (
    <Paper bg="white" p="md" component="section" aria-labelledby="sla-title">
      {/* Mantine caps each child of a Group at its share of the row: at phone width that cut the
          badges to "BUSINESS HOU…". Here the badges wrap onto the next line instead. */}
      <Group justify="space-between" mb="sm" preventGrowOverflow={false}>
        <Title order={2} size="h4" id="sla-title">
          SLA
        </Title>
        <Group gap={4} preventGrowOverflow={false}>
          <Badge variant="light" color={c.sla.clock === '24/7' ? 'grape' : 'blue'}>
            {c.sla.clock === '24/7' ? '24/7' : 'Business hours'}
          </Badge>
          {c.sla.breachedAt && (
            <Badge color="red" variant="filled">
              Missed {formatDateTime(c.sla.breachedAt)}
            </Badge>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        <Target label="First response" due={c.sla.firstResponseDueAt} met={c.sla.firstRespondedAt} />
        <Target label="Resolution" due={c.sla.resolutionDueAt} met={null} />
        <div>
          <Text size="sm" c="dimmed">
            Open on the calendar
          </Text>
          <Text fw={600}>{duration(c.elapsed.calendarMinutes)}</Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            Open in business hours
          </Text>
          <Text fw={600}>{duration(c.elapsed.businessMinutes)}</Text>
        </div>
      </SimpleGrid>
      {!c.sla.policyId && (
        <Text size="xs" c="dimmed" mt="sm">
          No SLA policy covers this case: it is due when its alert rule said.
        </Text>
      )}
    </Paper>
  );
}
