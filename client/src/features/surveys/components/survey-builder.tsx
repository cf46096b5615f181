import { Alert, Badge, Button, Grid, Group, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { can } from '@pulse/shared/permissions';
import { SurveyDefinition } from '@pulse/shared/schemas/survey-definition';
import { revisionFromConflict, type Survey } from '@pulse/shared/schemas/surveys';
import { useState } from 'react';

import { ApiError, errorMessage } from '../../../lib/api-client';
import { errorsUnder, nestedFieldErrors, zodFieldErrors, type FieldErrors } from '../../../lib/forms';
import { useCurrentSession } from '../../../lib/session';
import { useSaveAndPublish, useSaveDraft } from '../api/save-survey';
import { BrandingEditor } from './branding-editor';
import { FollowUpsEditor } from './follow-ups-editor';
import { PrimaryQuestionEditor } from './primary-question-editor';
import { StatusBadge } from './status-badge';
import { SurveyActions } from './survey-actions';
import { SurveyEmailPreview } from './survey-email-preview';
import { SurveyPreview } from './survey-preview';
import { SurveyVersions } from './survey-versions';
import { ThankYouEditor } from './thank-you-editor';
import { TranslationsEditor } from './translations-editor';
import { useDraft } from './use-draft';

const TABS = [
  { value: 'question', label: 'Question', paths: ['primary'], Editor: PrimaryQuestionEditor },
  { value: 'followUps', label: 'Follow-ups', paths: ['followUps'], Editor: FollowUpsEditor },
  { value: 'thankYou', label: 'Thank-you', paths: ['thankYou'], Editor: ThankYouEditor },
  {
    value: 'translations',
    label: 'Translations',
    paths: ['translations', 'languages', 'defaultLanguage'],
    Editor: TranslationsEditor,
  },
  {
    value: 'branding',
    label: 'Branding & email',
    paths: ['branding', 'email', 'hiddenFields'],
    Editor: BrandingEditor,
  },
] as const;

const countUnder = (errors: FieldErrors, paths: readonly string[]) =>
  paths.reduce((n, p) => n + errorsUnder(errors, p).length, 0);

/** The builder: the draft on the left, the real respondent page on the right. */
export function SurveyBuilder({ survey }: { survey: Survey }) {
  const session = useCurrentSession();
  const editable = can(session.role, 'surveys.write') && survey.status !== 'archived';
  const { draft, update, errors, setErrors, dirty, setDirty } = useDraft(survey.draft);
  const [name, setName] = useState(survey.name);
  const [tab, setTab] = useState<string | null>('question');
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const save = useSaveDraft(survey.id);
  const publish = useSaveAndPublish(survey.id);

  const fail = (error: unknown) => {
    const fieldErrors = nestedFieldErrors(error, 'body.definition.');
    if (error instanceof ApiError && error.code === 'conflict') setConflict(revisionFromConflict(error.details));
    setErrors(fieldErrors);
    showProblems(fieldErrors, errorMessage(error));
  };

  const showProblems = (fieldErrors: FieldErrors, message: string) => {
    const count = Object.keys(fieldErrors).length;
    setNotice({
      color: 'red',
      text: count ? `${count === 1 ? '1 problem' : `${count} problems`} to fix, shown at each field.` : message,
    });
    const first = TABS.find((t) => countUnder(fieldErrors, t.paths) > 0);
    if (first) setTab(first.value);
  };

  const submit = (mode: 'save' | 'publish') => {
    setNotice(null);
    const checked = SurveyDefinition.safeParse(draft);
    if (!checked.success) {
      const fieldErrors = zodFieldErrors(checked.error);
      setErrors(fieldErrors);
      return showProblems(fieldErrors, 'Check the survey');
    }
    setErrors({});
    const body = { revision: survey.revision, name: name.trim() || survey.name, definition: checked.data };
    const mutation = mode === 'save' ? save : publish;
    mutation.mutate(body, {
      onSuccess: (data) => {
        setDirty(false);
        setNotice({
          color: 'green',
          text:
            mode === 'save'
              ? 'Draft saved.'
              : `Published version ${data.survey.currentVersion}: new answers use it from now on.`,
        });
      },
      onError: fail,
    });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Survey name"
            value={name}
            onChange={(e) => (setName(e.currentTarget.value), setDirty(true))}
            disabled={!editable}
            w={{ base: '100%', xs: 320 }}
          />
          <StatusBadge status={survey.status} />
          <Badge variant="outline" color="gray">
            {survey.currentVersion ? `Live: v${survey.currentVersion}` : 'Not published'}
          </Badge>
          {(dirty || (survey.currentVersion !== null && survey.unpublishedChanges)) && (
            <Text size="sm" c="dimmed">
              {dirty ? 'Unsaved changes' : 'Draft of the next version'}
            </Text>
          )}
        </Group>
        {editable && (
          <Group gap="xs">
            <Button variant="default" onClick={() => submit('save')} loading={save.isPending}>
              Save draft
            </Button>
            <Button onClick={() => submit('publish')} loading={publish.isPending}>
              Publish
            </Button>
            <SurveyActions survey={survey} onError={fail} />
          </Group>
        )}
      </Group>
      {notice && (
        <Alert
          color={notice.color}
          variant="light"
          role={notice.color === 'red' ? 'alert' : 'status'}
          withCloseButton
          onClose={() => setNotice(null)}
          closeButtonLabel="Dismiss"
        >
          {notice.text}
        </Alert>
      )}
      {conflict !== null && (
        <Alert color="orange" title="Someone else saved this survey" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              It is at revision {conflict}. Load their version to continue; your unsaved edits here will be replaced.
            </Text>
            <Button size="xs" variant="light" onClick={() => window.location.reload()}>
              Load the latest version
            </Button>
          </Stack>
        </Alert>
      )}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              {TABS.map((t) => {
                const count = countUnder(errors, t.paths);
                return (
                  <Tabs.Tab
                    key={t.value}
                    value={t.value}
                    rightSection={
                      count ? (
                        <Badge color="red" size="sm" circle aria-label={`${count} problems`}>
                          {count}
                        </Badge>
                      ) : null
                    }
                  >
                    {t.label}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
            {TABS.map(({ value, Editor }) => (
              <Tabs.Panel key={value} value={value}>
                <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                  <Editor draft={draft} update={update} errors={errors} />
                </fieldset>
              </Tabs.Panel>
            ))}
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <div style={{ position: 'sticky', top: 16 }}>
            <Tabs defaultValue="page" keepMounted={false}>
              <Tabs.List mb="sm" aria-label="Preview">
                <Tabs.Tab value="page">Web page</Tabs.Tab>
                <Tabs.Tab value="email">Email</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="page">
                <SurveyPreview draft={draft} />
              </Tabs.Panel>
              <Tabs.Panel value="email">
                <SurveyEmailPreview survey={survey} dirty={dirty} />
              </Tabs.Panel>
            </Tabs>
          </div>
        </Grid.Col>
      </Grid>
      <SurveyVersions surveyId={survey.id} currentVersion={survey.currentVersion} />
    </Stack>
  );
}
