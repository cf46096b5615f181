import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { SurveyStatus } from '@pulse/shared/schemas/surveys';
import { IconClipboardList, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { useCurrentSession } from '../../../lib/session';
import { can } from '@pulse/shared/permissions';
import { useSurveys } from '../api/get-surveys';
import { STATUS_LABELS } from '../components/survey-labels';
import { SurveysTable } from '../components/surveys-table';

export function SurveysRoute() {
  const session = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('search') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const parsedStatus = SurveyStatus.safeParse(params.get('status'));
  const status = parsedStatus.success ? parsedStatus.data : undefined;
  const cursor = params.get('cursor') ?? undefined;
  const surveys = useSurveys({ search: debounced || undefined, status, cursor });

  const setParam = (name: string, value: string | null) =>
    setParams((p) => {
      if (value) p.set(name, value);
      else p.delete(name);
      p.delete('cursor');
      return p;
    });

  return (
    <>
      <PageHeader
        title="Surveys"
        description="The questions your customers answer. Publishing freezes a version, so answers already collected never change meaning."
        action={
          can(session.role, 'surveys.write') && (
            <Button component={Link} to="/surveys/new" leftSection={<IconPlus size={18} aria-hidden />}>
              New survey
            </Button>
          )
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label="Search"
          placeholder="Survey name"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setParam('search', e.currentTarget.value.trim() || null);
          }}
          w={{ base: '100%', xs: 280 }}
        />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={SurveyStatus.options.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          value={status ?? null}
          onChange={(value) => setParam('status', value)}
          w={{ base: '100%', xs: 180 }}
        />
      </Group>
      <QueryContent
        query={surveys}
        skeleton={<TableSkeleton label="Loading surveys" />}
        errorTitle="Surveys could not be loaded"
        empty={{
          when: (data) => data.surveys.length === 0,
          icon: IconClipboardList,
          title: debounced || status ? 'No survey matches' : 'No surveys yet',
          description:
            debounced || status ? 'Try another name or status.' : 'Start from a template: it takes two minutes.',
        }}
      >
        {(data) => (
          <>
            <Paper bg="white">
              <SurveysTable surveys={data.surveys} />
            </Paper>
            {data.nextCursor && (
              <Group justify="center" mt="md">
                <Button variant="default" onClick={() => setParams((p) => (p.set('cursor', data.nextCursor!), p))}>
                  Older surveys
                </Button>
              </Group>
            )}
          </>
        )}
      </QueryContent>
    </>
  );
}
