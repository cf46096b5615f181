import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';

import { DataTable } from '../../../components/data-table';
import { formatCount, formatInteger } from '../../../lib/format';
import type { ImportProgress } from '../lib/csv-import';
import type { RowError } from '../lib/csv-rows';

const SHOWN_ERRORS = 200;

// Spreadsheet apps run cells starting with these as formulas: the report's cells are quoted text.
const cell = (text: string) => `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;

/** Made on click, so a report that changes with every batch is not re-encoded on every render. */
function downloadErrorReport(errors: RowError[]) {
  const lines = ['row,column,problem', ...errors.map((e) => [String(e.row), cell(e.field), cell(e.message)].join(','))];
  const url = URL.createObjectURL(new Blob([lines.join('\r\n')], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'import-errors.csv';
  link.click();
  URL.revokeObjectURL(url);
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700}>
        {formatInteger(value)}
      </Text>
    </Stack>
  );
}

/** Progress while the file streams in, then what it came to and every row that was refused. */
export function ImportReport({
  progress,
  running,
  file,
}: {
  progress: ImportProgress;
  running: boolean;
  file: string;
}) {
  const percent = progress.totalBytes ? Math.round((progress.bytesRead / progress.totalBytes) * 100) : 100;
  return (
    <Paper bg="white" p="md" component="section" aria-label="Import progress">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {running ? `Importing ${file}` : `Imported ${file}`}
          </Title>
          <Text size="sm" c="dimmed">
            {percent}% read
          </Text>
        </Group>
        <Progress
          value={percent}
          animated={running}
          aria-label={`Import progress: ${percent}% of the file read`}
          size="lg"
        />
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" aria-live="polite">
          <Figure label="Rows read" value={progress.rowsRead} />
          <Figure label="Imported" value={progress.rowsImported} />
          <Figure label="Invited" value={progress.invited} />
          <Figure label="Skipped" value={progress.skipped + progress.replayed} />
          <Figure label="Rows with errors" value={progress.errorCount} />
        </SimpleGrid>
        {progress.replayed > 0 && (
          <Text size="sm" c="dimmed">
            {formatCount(progress.replayed, 'row was', 'rows were')} imported before from this file and asked nobody
            again.
          </Text>
        )}
        {progress.stopped && (
          <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} title="The import stopped" role="alert">
            {progress.stopped}
          </Alert>
        )}
        {progress.errors.length > 0 && (
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} size="h6">
                Rows not imported
              </Title>
              <Button
                onClick={() => downloadErrorReport(progress.errors)}
                variant="default"
                size="compact-sm"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                Download error report
              </Button>
            </Group>
            <DataTable
              head={
                <>
                  <Table.Th w={70}>Row</Table.Th>
                  <Table.Th w={140}>Column</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </>
              }
            >
              {progress.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <Table.Tr key={`${e.row}-${e.field}-${i}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {e.field}
                  </Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            {progress.errorCount > Math.min(progress.errors.length, SHOWN_ERRORS) && (
              <Text size="sm" c="dimmed">
                Showing the first {formatInteger(Math.min(progress.errors.length, SHOWN_ERRORS))} of{' '}
                {formatInteger(progress.errorCount)}; the report holds the first {formatInteger(progress.errors.length)}
                .
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
