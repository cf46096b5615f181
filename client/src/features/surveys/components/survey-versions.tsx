import { Paper, Stack, Table, Text, Title } from '@mantine/core';

import { DataTable } from '../../../components/data-table';
import { formatDateTimeWithZone } from '../../../lib/format';
import { useSurveyVersions } from '../api/get-survey-versions';

/** Every published version: responses record the one they answered. */
export function SurveyVersions({ surveyId, currentVersion }: { surveyId: string; currentVersion: number | null }) {
  const versions = useSurveyVersions(surveyId);
  if (!currentVersion) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="versions-title">
      <Title order={2} size="h4" id="versions-title">
        Published versions
      </Title>
      <Paper bg="white">
        {versions.data ? (
          <DataTable
            head={
              <>
                <Table.Th>Version</Table.Th>
                <Table.Th>Published</Table.Th>
                <Table.Th>By</Table.Th>
              </>
            }
          >
            {versions.data.versions.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>
                  v{v.version}
                  {v.version === currentVersion ? ' (live)' : ''}
                </Table.Td>
                <Table.Td>{formatDateTimeWithZone(v.publishedAt)}</Table.Td>
                <Table.Td>{v.publishedBy}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        ) : (
          <Text p="md" c="dimmed">
            Loading versions…
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
