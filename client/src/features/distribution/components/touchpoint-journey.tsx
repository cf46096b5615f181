import { Badge, Box, Button, Code, Flex, Group, List, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { Touchpoint } from '@pulse/shared/schemas/touchpoints';
import { IconPencil, IconTrash } from '@tabler/icons-react';

import { DangerAction } from '../../../components/danger-action';
import { describeRules } from './distribution-labels';

interface Stage {
  name: string;
  touchpoints: Touchpoint[];
}

/** Consecutive touchpoints of one stage form a column; the server already sorts them in journey order. */
function stagesOf(touchpoints: Touchpoint[]): Stage[] {
  const stages: Stage[] = [];
  for (const tp of touchpoints) {
    const last = stages.at(-1);
    if (last?.name === tp.stage) last.touchpoints.push(tp);
    else stages.push({ name: tp.stage, touchpoints: [tp] });
  }
  return stages;
}

interface TouchpointJourneyProps {
  touchpoints: Touchpoint[];
  surveyName: (id: string) => string | undefined;
  canEdit: boolean;
  onEdit: (touchpoint: Touchpoint) => void;
  onDelete: (touchpoint: Touchpoint) => void;
}

/** The journey left to right, one column per stage; on a phone the columns stack top to bottom. */
export function TouchpointJourney({ touchpoints, surveyName, canEdit, onEdit, onDelete }: TouchpointJourneyProps) {
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Flex
        component="ol"
        aria-label="Customer journey"
        direction={{ base: 'column', sm: 'row' }}
        gap="md"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {stagesOf(touchpoints).map((stage, i) => (
          <Box component="li" key={`${stage.name}-${i}`} w={{ base: '100%', sm: 280 }} style={{ flexShrink: 0 }}>
            <Stack gap="sm">
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {i + 1}. {stage.name}
              </Text>
              {stage.touchpoints.map((tp) => (
                <TouchpointCard
                  key={tp.id}
                  touchpoint={tp}
                  survey={tp.rules.surveyId ? (surveyName(tp.rules.surveyId) ?? 'A survey') : null}
                  canEdit={canEdit}
                  onEdit={() => onEdit(tp)}
                  onDelete={() => onDelete(tp)}
                />
              ))}
            </Stack>
          </Box>
        ))}
      </Flex>
    </ScrollArea>
  );
}

interface TouchpointCardProps {
  touchpoint: Touchpoint;
  survey: string | null;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

function TouchpointCard({ touchpoint, survey, canEdit, onEdit, onDelete }: TouchpointCardProps) {
  const { rules } = touchpoint;
  return (
    <Paper bg="white" p="md" withBorder component="article" aria-labelledby={`tp-${touchpoint.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5" id={`tp-${touchpoint.id}`} style={{ overflowWrap: 'anywhere' }}>
            {touchpoint.name}
          </Title>
          {rules.paused ? (
            <Badge color="gray" variant="light" c="gray.9">
              Paused
            </Badge>
          ) : !survey ? (
            <Badge color="yellow" variant="light" c="yellow.9">
              No survey
            </Badge>
          ) : null}
        </Group>
        <Code style={{ alignSelf: 'flex-start', overflowWrap: 'anywhere' }}>{touchpoint.key}</Code>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            Asks:{' '}
          </Text>
          {survey ?? 'nobody yet'}
        </Text>
        <List size="sm" spacing={2} c="dimmed">
          {describeRules(rules).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        {canEdit && (
          <Group gap="xs" mt={4}>
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={onEdit}
              aria-label={`Edit rules of ${touchpoint.name}`}
            >
              Edit rules
            </Button>
            <DangerAction text="Delete" label={`Delete ${touchpoint.name}`} icon={IconTrash} onClick={onDelete} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
