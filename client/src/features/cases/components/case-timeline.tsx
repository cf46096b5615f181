import { Paper, Text, Timeline, Title } from '@mantine/core';
import type { CaseDetail } from '@pulse/shared/schemas/cases';

import { formatDateTime } from '../../../lib/format';
import { STATUS_LABELS } from './case-labels';

const label = (s: string | null) => (s && s in STATUS_LABELS ? STATUS_LABELS[s as keyof typeof STATUS_LABELS] : s);

function what(e: CaseDetail['timeline'][number]): string {
  switch (e.kind) {
    case 'created':
      return e.text ?? 'Opened';
    case 'status':
      return `${label(e.from)} → ${label(e.to)}`;
    case 'closed':
      return `Closed. ${e.text ?? ''}`;
    case 'assignee':
      return e.to ? `Assigned${e.text ? ` (${e.text})` : ''}` : 'Unassigned';
    case 'team':
      return e.to ? `Team set${e.text ? ` (${e.text})` : ''}` : 'Team removed';
    case 'priority':
      return `Priority ${e.from} → ${e.to}`;
    case 'tags':
      return `Tags: ${e.to || 'none'}`;
    case 'note':
      return 'Note';
    case 'reply':
      return `Reply sent to ${e.to}`;
    case 'escalation':
      return e.text ?? 'SLA escalation';
  }
}

export function CaseTimeline({ c }: { c: CaseDetail }) {
  return (
    <Paper bg="white" p="md" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="sm">
        Timeline
      </Title>
      <Timeline bulletSize={12} lineWidth={2}>
        {c.timeline.map((e, i) => (
          <Timeline.Item key={i} title={what(e)}>
            {(e.kind === 'note' || e.kind === 'reply') && e.text && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {e.text}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {e.actor} · {formatDateTime(e.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
