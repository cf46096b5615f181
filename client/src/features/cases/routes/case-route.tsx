import { Badge, Blockquote, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useParams } from 'react-router';

import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { QueryContent } from '../../../components/query-content';
import { formatDateTime } from '../../../lib/format';
import { useCase } from '../api/get-case';
import { CaseActions } from '../components/case-actions';
import { STATUS_COLORS, STATUS_LABELS } from '../components/case-labels';
import { CaseSla } from '../components/case-sla';
import { CaseTimeline } from '../components/case-timeline';
import { ReplyForm } from '../components/reply-form';

export function CaseRoute() {
  const { caseId = '' } = useParams();
  const query = useCase(caseId);
  return (
    <QueryContent query={query} skeleton={<PageLoader />} errorTitle="This case could not be loaded">
      {({ case: c }) => (
        <>
          <PageHeader
            title={`Case ${c.number}`}
            description={`${c.snapshot.contactName ?? c.snapshot.contactEmail ?? 'Anonymous customer'} · opened ${formatDateTime(c.createdAt)} ${c.openedBy === 'rule' ? 'by an alert rule' : 'by hand'}`}
            action={
              // Badges wrap rather than shrink to an ellipsis at phone width (see CaseSla).
              <Group gap="xs" preventGrowOverflow={false}>
                <Badge size="lg" color={STATUS_COLORS[c.status]} variant="light">
                  {STATUS_LABELS[c.status]}
                </Badge>
                <Badge size="lg" variant="outline" color={c.overdue ? 'red' : 'gray'}>
                  {c.overdue ? 'Overdue' : `Due ${formatDateTime(c.dueAt)}`}
                </Badge>
              </Group>
            }
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap="md">
              <Paper bg="white" p="md" component="section" aria-label="What the customer said">
                <Text size="sm" c="dimmed">
                  Score at {c.snapshot.touchpointKey ?? 'an unknown touchpoint'} ({c.snapshot.channel})
                </Text>
                <Text size="xl" fw={700}>
                  {c.snapshot.score}{' '}
                  <Text span c="dimmed" size="md">
                    {c.snapshot.band}
                  </Text>
                </Text>
                {c.snapshot.comment ? (
                  <Blockquote mt="sm" p="sm">
                    {c.snapshot.comment}
                  </Blockquote>
                ) : (
                  <Text c="dimmed">No comment.</Text>
                )}
                {c.rootCause && (
                  <Text mt="sm">
                    Root cause: {c.rootCause}; resolved: {c.resolved ? 'yes' : 'no'}
                  </Text>
                )}
              </Paper>
              <CaseSla c={c} />
              <ReplyForm c={c} />
              <CaseActions c={c} />
            </Stack>
            <CaseTimeline c={c} />
          </SimpleGrid>
        </>
      )}
    </QueryContent>
  );
}
