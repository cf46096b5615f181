import { Anchor, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { useSurvey } from '../api/get-survey';
import { SurveyBuilder } from '../components/survey-builder';

export function SurveyBuilderRoute() {
  const { surveyId = '' } = useParams();
  const survey = useSurvey(surveyId);
  return (
    <>
      <PageHeader
        title={survey.data?.survey.name ?? 'Survey'}
        description={
          <>
            <Anchor component={Link} to="/surveys">
              All surveys
            </Anchor>{' '}
            · edits go into a draft; publishing makes it the version customers answer.
          </>
        }
      />
      <QueryContent
        query={survey}
        skeleton={<Text>Loading the survey…</Text>}
        errorTitle="This survey could not be loaded"
      >
        {/* Keyed by id, so opening a duplicate starts from its own draft. */}
        {(data) => <SurveyBuilder key={data.survey.id} survey={data.survey} />}
      </QueryContent>
    </>
  );
}
