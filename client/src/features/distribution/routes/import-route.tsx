import {
  Anchor,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconFileTypeCsv, IconPlayerStop, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';

import { FormAlert } from '../../../components/form-alert';
import { PageHeader } from '../../../components/page-header';
import { errorMessage } from '../../../lib/api-client';
import { useContactAttributes } from '../api/get-contact-attributes';
import { useTouchpoints } from '../api/get-touchpoints';
import { ImportReport } from '../components/import-report';
import { useCsvImport } from '../components/use-csv-import';

function Columns() {
  return (
    <Paper bg="white" p="md" component="section" aria-label="Columns Pulse reads">
      <Title order={2} size="h5" mb="xs">
        Columns Pulse reads
      </Title>
      <Text size="sm" mb="xs">
        A header row, then one interaction per row. Each row needs an <Code>email</Code> or an <Code>externalId</Code>.
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>
          <Code>touchpoint</Code> — a touchpoint key; rows without one use the touchpoint chosen here
        </List.Item>
        <List.Item>
          <Code>email</Code>, <Code>externalId</Code>, <Code>name</Code>, <Code>language</Code> (en, pt-BR),{' '}
          <Code>timeZone</Code> (Europe/Paris)
        </List.Item>
        <List.Item>
          <Code>occurredAt</Code> (ISO 8601, e.g. 2026-12-01T09:30:00Z), <Code>channel</Code> (email or link),{' '}
          <Code>idempotencyKey</Code>
        </List.Item>
        <List.Item>
          <Code>attr.plan</Code>, <Code>attr.region</Code>… — contact attributes, typed as the organisation first saw
          them
        </List.Item>
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        Importing the same file again asks nobody twice: each row keeps the answer it got the first time.
      </Text>
    </Paper>
  );
}

export function ImportRoute() {
  const touchpoints = useTouchpoints();
  const attributes = useContactAttributes();
  const [file, setFile] = useState<File | null>(null);
  const [touchpoint, setTouchpoint] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const csv = useCsvImport();
  const running = csv.run.status === 'running';

  const start = () => {
    if (!file) {
      setFailure('Choose a CSV file first.');
      return;
    }
    setFailure(null);
    const attributeTypes = new Map((attributes.data?.attributes ?? []).map((a) => [a.key, a.type]));
    csv
      .start(file, { defaultTouchpoint: touchpoint ?? undefined, attributeTypes })
      .catch((error: unknown) => setFailure(errorMessage(error)));
  };

  return (
    <>
      <PageHeader
        title="Import interactions"
        description="Upload a CSV of past or offline interactions. Pulse decides for each row whether to ask, exactly as when your systems call the API."
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Paper bg="white" p="md" component="section" aria-label="File">
            <Stack gap="sm">
              <FormAlert message={failure} />
              <FileInput
                label="CSV file"
                description="A header row, then one interaction per row"
                accept=".csv,text/csv"
                leftSection={<IconFileTypeCsv size={18} aria-hidden />}
                value={file}
                onChange={setFile}
                disabled={running}
                clearable
              />
              <Select
                label="Touchpoint"
                description="For rows without a touchpoint column"
                placeholder={touchpoints.isError ? 'Could not load touchpoints' : 'Choose a touchpoint'}
                data={(touchpoints.data?.touchpoints ?? []).map((t) => ({
                  value: t.key,
                  label: `${t.name} (${t.key})`,
                }))}
                value={touchpoint}
                onChange={setTouchpoint}
                disabled={running}
                clearable
                searchable
              />
              {touchpoints.data?.touchpoints.length === 0 && (
                <Text size="sm">
                  No touchpoints yet:{' '}
                  <Anchor component={Link} to="/touchpoints">
                    add one first
                  </Anchor>
                  .
                </Text>
              )}
              <Group justify="flex-end" gap="sm">
                {running ? (
                  <Button variant="default" leftSection={<IconPlayerStop size={18} aria-hidden />} onClick={csv.cancel}>
                    Stop import
                  </Button>
                ) : (
                  <Button leftSection={<IconUpload size={18} aria-hidden />} onClick={start}>
                    Start import
                  </Button>
                )}
              </Group>
            </Stack>
          </Paper>
          <Columns />
        </SimpleGrid>
        {csv.run.status !== 'idle' && (
          <ImportReport progress={csv.run.progress} running={running} file={csv.run.file} />
        )}
      </Stack>
    </>
  );
}
