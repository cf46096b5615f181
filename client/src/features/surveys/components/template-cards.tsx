import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title, type SimpleGridProps } from '@mantine/core';
import type { MetricKind } from '@pulse/shared/metrics/scales';
import type { SurveyTemplateDto } from '@pulse/shared/schemas/survey-templates';
import { useNavigate } from 'react-router';

import { FormAlert } from '../../../components/form-alert';
import { errorMessage } from '../../../lib/api-client';
import { useCreateSurvey } from '../api/create-survey';
import { KIND_LABELS } from './survey-labels';

/** A glimpse of the question a template asks, with its scale, so cards can be told apart at a glance. */
function QuestionGlimpse({ template }: { template: SurveyTemplateDto }) {
  const { primary } = template.definition;
  const scores = Array.from({ length: primary.scale.max - primary.scale.min + 1 }, (_, i) => primary.scale.min + i);
  return (
    <Stack gap={6} aria-hidden>
      <Text size="sm" fs="italic">
        “{primary.text.replace(/\{\{\s*company\s*\}\}/g, 'us').replace(/\{\{[^}]*\}\}/g, '…')}”
      </Text>
      <Group gap={3} wrap="nowrap">
        {scores.map((s) => (
          <Text
            key={s}
            size="xs"
            ta="center"
            miw={18}
            bd="1px solid var(--mantine-color-gray-4)"
            style={{ borderRadius: 4 }}
          >
            {primary.display === 'star' ? '★' : s}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}

/** Template cards; choosing one creates the draft and opens it in the builder. */
export function TemplateCards({
  templates,
  kinds,
  cols = { base: 1, sm: 2, lg: 3 },
}: {
  templates: SurveyTemplateDto[];
  kinds?: MetricKind[];
  /** Cards per row: a page-wide list fits three; the home page's narrower column two. */
  cols?: SimpleGridProps['cols'];
}) {
  const create = useCreateSurvey();
  const navigate = useNavigate();
  const shown = kinds ? kinds.map((k) => templates.find((t) => t.kind === k)!).filter(Boolean) : templates;

  // The promise, not mutate's callbacks: on home the cards unmount once a survey exists, before
  // per-call callbacks would run.
  const start = (template: SurveyTemplateDto) =>
    create
      .mutateAsync({ name: template.name, templateId: template.id })
      .then((data) => navigate(`/surveys/${data.survey.id}`))
      .catch(() => undefined);

  return (
    <Stack gap="sm">
      {create.isError && <FormAlert message={errorMessage(create.error)} />}
      <SimpleGrid cols={cols}>
        {shown.map((t) => (
          <Card key={t.id} withBorder padding="md" radius="md" component="article" aria-labelledby={`template-${t.id}`}>
            <Stack gap="sm" h="100%" justify="space-between">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Title order={3} size="h5" id={`template-${t.id}`}>
                    {t.name}
                  </Title>
                  <Badge variant="light" style={{ flexShrink: 0 }}>
                    {KIND_LABELS[t.kind]}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {t.description}
                </Text>
                <QuestionGlimpse template={t} />
                <Text size="xs" c="dimmed">
                  Languages: {t.languages.join(', ')}
                </Text>
              </Stack>
              <Button
                variant="light"
                onClick={() => start(t)}
                loading={create.isPending && create.variables?.templateId === t.id}
                aria-describedby={`template-${t.id}`}
              >
                Use this template
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
