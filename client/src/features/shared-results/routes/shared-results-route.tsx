import { Blockquote, Box, Container, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';

import { ErrorState } from '../../../components/error-state';
import { PageLoader } from '../../../components/page-loader';
import { PulseLogo } from '../../../components/pulse-logo';
import { ApiError } from '../../../lib/api-client';
import { useSharedResults } from '../api/shared-links';
import { SharedFigureValue } from '../components/shared-figure';

const METRIC = { nps: 'Net Promoter Score', csat: 'Customer satisfaction', ces: 'Customer effort' } as const;

/** The public, read-only results page a shared link opens: no session, no navigation. */
export function SharedResultsRoute() {
  const { token = '' } = useParams();
  const results = useSharedResults(token);
  return (
    <Box bg="gray.0" mih="100dvh" py={{ base: 'md', sm: 48 }}>
      <Container size={900} px="md" component="main">
        <Group mb="lg">
          <PulseLogo size={28} />
        </Group>
        {results.isPending ? (
          <PageLoader />
        ) : results.isError ? (
          results.error instanceof ApiError && results.error.status === 404 ? (
            <Paper p="xl">
              <Title order={1} size="h3">
                This page is not available
              </Title>
              <Text c="dimmed" mt="xs">
                The link may have expired or been revoked. Ask whoever shared it for a new one.
              </Text>
            </Paper>
          ) : (
            <ErrorState
              error={results.error}
              title="The results could not be loaded"
              onRetry={() => results.refetch()}
            />
          )
        ) : (
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1}>{results.data.name}</Title>
              <Text c="dimmed">
                {results.data.organisationName} · {METRIC[results.data.kind]} · {results.data.period.from} to{' '}
                {results.data.period.to} ({results.data.timeZone})
              </Text>
            </Stack>
            <Paper p="lg">
              <Text size="sm" c="dimmed" mb={4}>
                Overall, touchpoints shown
              </Text>
              <SharedFigureValue
                kind={results.data.kind}
                figure={results.data.overall}
                minGroupSize={results.data.minGroupSize}
              />
            </Paper>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {results.data.touchpoints.map((t) => (
                <Paper p="md" key={t.name}>
                  <Text size="sm" fw={600} mb={4}>
                    {t.name}
                  </Text>
                  <SharedFigureValue
                    kind={results.data.kind}
                    figure={t.figure}
                    minGroupSize={results.data.minGroupSize}
                  />
                </Paper>
              ))}
            </SimpleGrid>
            {results.data.comments && (
              <Paper p="lg">
                <Title order={2} size="h4" mb="sm">
                  What customers said
                </Title>
                {results.data.comments.length === 0 ? (
                  <Text c="dimmed">No comments in this period.</Text>
                ) : (
                  <Stack gap="sm">
                    {results.data.comments.map((c, i) => (
                      <Blockquote key={i} p="sm" cite={`${c.day} · score ${c.score}`}>
                        {c.comment}
                      </Blockquote>
                    ))}
                  </Stack>
                )}
              </Paper>
            )}
            <Text size="xs" c="dimmed">
              Aggregates only. Every score shows its 95% interval and number of responses; groups with fewer than{' '}
              {results.data.minGroupSize} responses are hidden and left out of the overall.
            </Text>
          </Stack>
        )}
      </Container>
    </Box>
  );
}
