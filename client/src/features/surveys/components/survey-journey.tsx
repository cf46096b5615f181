import { Anchor, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { can, type Role } from '@pulse/shared/permissions';
import { IconCircleCheckFilled, IconCircleDashed } from '@tabler/icons-react';
import { Link } from 'react-router';

import { useSurveyTemplates } from '../api/get-survey-templates';
import { useSurveys } from '../api/get-surveys';
import { TemplateCards } from './template-cards';

interface Step {
  title: string;
  done: boolean;
  detail: string;
}

/**
 * Home's feedback journey, ticked from real state: a survey exists, one is published. Steps that
 * later parts of Pulse deliver (touchpoints, test sends, first responses) join when they exist.
 */
// Mantine's green 9 reads 4.36:1 on white, under AA for small text; this one reads 6.5:1.
const DONE_TEXT = '#1e6b30';

export function SurveyJourney({ role }: { role: Role }) {
  const surveys = useSurveys();
  const published = useSurveys({ status: 'active' });
  const templates = useSurveyTemplates();
  const writer = can(role, 'surveys.write');
  if (surveys.isPending || published.isPending) return null;

  const any = (surveys.data?.surveys.length ?? 0) > 0;
  const live = (published.data?.surveys.length ?? 0) > 0;
  const steps: Step[] = [
    {
      title: 'Create a survey from a template',
      done: any,
      detail: 'NPS, CSAT or CES, with follow-ups and translations ready.',
    },
    { title: 'Publish it', done: live, detail: 'Publishing freezes a version customers can answer.' },
  ];

  return (
    <Stack gap="sm" component="section" aria-labelledby="journey-title">
      <Title order={2} size="h4" id="journey-title">
        Hear from your customers
      </Title>
      <Paper bg="white" p="md">
        <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {steps.map((step) => (
            <Group component="li" key={step.title} wrap="nowrap" gap="sm" align="flex-start">
              <ThemeIcon variant="transparent" color={step.done ? 'green.8' : 'gray.6'} size={24}>
                {step.done ? (
                  <IconCircleCheckFilled size={22} aria-hidden />
                ) : (
                  <IconCircleDashed size={22} aria-hidden />
                )}
              </ThemeIcon>
              <Stack gap={0}>
                <Text fw={600} size="sm">
                  {step.title}
                  <Text span size="sm" c={step.done ? DONE_TEXT : 'dimmed'} fw={400}>
                    {' '}
                    — {step.done ? 'done' : 'to do'}
                  </Text>
                </Text>
                <Text size="sm" c="dimmed">
                  {step.detail}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      </Paper>
      {writer && !any && templates.data && (
        <TemplateCards templates={templates.data.templates} kinds={['nps', 'csat', 'ces']} cols={{ base: 1, sm: 2 }} />
      )}
      {(any || !writer) && (
        <Text size="sm">
          <Anchor component={Link} to="/surveys">
            {any ? 'See your surveys' : 'Surveys your team publishes appear here'}
          </Anchor>
          {writer && (
            <>
              {' · '}
              <Anchor component={Link} to="/surveys/new">
                Start another from a template
              </Anchor>
            </>
          )}
        </Text>
      )}
    </Stack>
  );
}
