import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { MetricKind } from '@pulse/shared/metrics/scales';
import type { ShareExpiry } from '@pulse/shared/schemas/shared-results';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';

import { FormAlert } from '../../../components/form-alert';
import { useFormSubmit } from '../../../lib/forms';
import { useCreateSharedLink, useShareTouchpoints } from '../api/shared-links';

interface Values extends Record<string, unknown> {
  name: string;
  kind: MetricKind;
  touchpointIds: string[];
  lastDays: string;
  expiresIn: ShareExpiry;
  showComments: boolean;
  minGroupSize: number;
}

/** The link is shown once: Pulse keeps only a fingerprint of its secret. */
export function CreateLinkForm() {
  const create = useCreateSharedLink();
  const touchpoints = useShareTouchpoints();
  const [url, setUrl] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      name: '',
      kind: 'nps',
      touchpointIds: [],
      lastDays: '30',
      expiresIn: '30d',
      showComments: false,
      minGroupSize: 5,
    },
    validate: { name: (v) => (v.trim() ? null : 'Name the page after its audience, e.g. “Board, Q4”') },
  });
  const submit = useFormSubmit(form, async (v) => {
    const { token } = await create.mutateAsync({
      name: v.name,
      selection: { kind: v.kind, touchpointIds: v.touchpointIds, lastDays: Number(v.lastDays) },
      expiresIn: v.expiresIn,
      showComments: v.showComments,
      minGroupSize: v.minGroupSize,
    });
    setUrl(`${window.location.origin}/shared/${token}`);
    form.reset();
  });

  return (
    <Paper bg="white" p="lg" mb="lg">
      <Title order={2} size="h4" mb="md">
        Share a results page
      </Title>
      {url && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={20} aria-hidden />}
          title="Copy this link now"
          mb="md"
        >
          <Stack gap="xs">
            Anyone with it can see these figures until it expires or you revoke it. It is shown only this once.
            <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="shared-link-url">
              {url}
            </Code>
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="light" onClick={copy} w="fit-content">
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
          </Stack>
        </Alert>
      )}
      <form onSubmit={submit.handleSubmit} noValidate>
        <Stack gap="md">
          <TextInput label="Page name" required {...form.getInputProps('name')} />
          <Group gap="md" align="flex-end">
            <SegmentedControl
              aria-label="Metric"
              data={[
                { value: 'nps', label: 'NPS' },
                { value: 'csat', label: 'CSAT' },
                { value: 'ces', label: 'CES' },
              ]}
              {...form.getInputProps('kind')}
            />
            <NativeSelect
              label="Period"
              data={[
                { value: '7', label: 'Last 7 days' },
                { value: '30', label: 'Last 30 days' },
                { value: '90', label: 'Last 90 days' },
                { value: '365', label: 'Last 12 months' },
              ]}
              {...form.getInputProps('lastDays')}
            />
            <NativeSelect
              label="Link expires"
              data={[
                { value: '7d', label: 'In 7 days' },
                { value: '30d', label: 'In 30 days' },
                { value: '90d', label: 'In 90 days' },
                { value: 'never', label: 'Never' },
              ]}
              {...form.getInputProps('expiresIn')}
            />
            <NumberInput
              label="Minimum group size"
              description="Smaller groups show no figure"
              min={1}
              max={1000}
              w={190}
              {...form.getInputProps('minGroupSize')}
            />
          </Group>
          <MultiSelect
            label="Touchpoints"
            placeholder="All touchpoints"
            data={(touchpoints.data?.touchpoints ?? []).map((t) => ({ value: t.id, label: t.name }))}
            {...form.getInputProps('touchpointIds')}
          />
          <Checkbox
            label="Show comments (customers’ own words; from groups large enough to show)"
            {...form.getInputProps('showComments', { type: 'checkbox' })}
          />
          <FormAlert message={submit.formError} />
          <Button type="submit" loading={create.isPending} w="fit-content">
            Create link
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
