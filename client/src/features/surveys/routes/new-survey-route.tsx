import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { MetricKind } from '@pulse/shared/metrics/scales';
import { useNavigate } from 'react-router';

import { FormAlert } from '../../../components/form-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { errorMessage } from '../../../lib/api-client';
import { useCreateSurvey } from '../api/create-survey';
import { useSurveyTemplates } from '../api/get-survey-templates';
import { KIND_LABELS } from '../components/survey-labels';
import { TemplateCards } from '../components/template-cards';

export function NewSurveyRoute() {
  const templates = useSurveyTemplates();
  const create = useCreateSurvey();
  const navigate = useNavigate();

  return (
    <>
      <PageHeader
        title="New survey"
        description="Pick a template: questions, reason codes, thank-you messages and translations are ready to adjust."
      />
      <QueryContent
        query={templates}
        skeleton={<Text>Loading templates…</Text>}
        errorTitle="Templates could not be loaded"
      >
        {(data) => <TemplateCards templates={data.templates} />}
      </QueryContent>
      <Stack gap="xs" mt="xl" component="section" aria-labelledby="blank-survey">
        <Title order={2} size="h4" id="blank-survey">
          Or start blank
        </Title>
        {create.isError && <FormAlert message={errorMessage(create.error)} />}
        <Group>
          {MetricKind.options.map((kind) => (
            <Button
              key={kind}
              variant="default"
              loading={create.isPending && create.variables?.kind === kind}
              onClick={() =>
                create.mutate(
                  { name: `New ${KIND_LABELS[kind]} survey`, kind },
                  { onSuccess: (d) => navigate(`/surveys/${d.survey.id}`) },
                )
              }
            >
              Blank {KIND_LABELS[kind]}
            </Button>
          ))}
        </Group>
      </Stack>
    </>
  );
}
