import { Badge, Group, Text, Timeline } from '@mantine/core';
import type { TimelineEntry } from '@pulse/shared/schemas/contacts';
import { IconBolt, IconMail, IconMessage, IconUser, type Icon } from '@tabler/icons-react';

import { formatDateTimeWithZone, formatFullDateTime } from '../../../lib/format';

const KIND: Record<TimelineEntry['kind'], { label: string; icon: Icon }> = {
  interaction: { label: 'Interaction', icon: IconBolt },
  invitation: { label: 'Invitation', icon: IconMail },
  response: { label: 'Response', icon: IconMessage },
  case: { label: 'Case', icon: IconMessage },
  contact: { label: 'Contact', icon: IconUser },
};

/** Every touchpoint and channel in one line of time, newest first. */
export function ContactTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Timeline bulletSize={26} lineWidth={2} aria-label="Timeline">
      {entries.map((entry) => {
        const { label, icon: Glyph } = KIND[entry.kind];
        return (
          <Timeline.Item
            key={entry.id}
            bullet={<Glyph size={14} aria-hidden />}
            title={
              <Text size="sm" fw={600} component="span">
                {entry.summary}
              </Text>
            }
          >
            <Group gap={6} mt={4}>
              <Badge size="sm" variant="light" color="gray" c="gray.9">
                {label}
              </Badge>
              {entry.touchpointKey && (
                <Badge size="sm" variant="outline" color="gray" c="gray.9" tt="none">
                  {entry.touchpointKey}
                </Badge>
              )}
              {entry.channel && (
                <Badge size="sm" variant="outline" color="gray" c="gray.9" tt="none">
                  {entry.channel}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" mt={4} title={formatFullDateTime(entry.at)}>
              {formatDateTimeWithZone(entry.at)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
