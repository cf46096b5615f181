import { Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { bandsOf } from '@pulse/shared/metrics/scales';

import type { FieldErrors } from '../../../lib/forms';
import { bandLabel } from './survey-labels';
import type { Draft, UpdateDraft } from './use-draft';

export function ThankYouEditor({ draft, update, errors }: { draft: Draft; update: UpdateDraft; errors: FieldErrors }) {
  return (
    <Stack gap="md">
      {bandsOf(draft.primary.kind).map((band) => {
        const thanks = draft.thankYou[band] ?? { title: '', message: '', redirectUrl: null };
        const set = (field: 'title' | 'message' | 'redirectUrl', value: string) =>
          update((d) => {
            const current = d.thankYou[band] ?? { title: '', message: '', redirectUrl: null };
            d.thankYou[band] = { ...current, [field]: field === 'redirectUrl' ? value || null : value };
          });
        const at = (field: string) => errors[`thankYou.${band}.${field}`];
        return (
          <Paper
            key={band}
            withBorder
            p="md"
            radius="md"
            component="section"
            aria-label={`Thank-you for ${bandLabel(draft.primary.kind, draft.primary.scale, band)}`}
          >
            <Stack gap="sm">
              <Text fw={600} size="sm">
                {bandLabel(draft.primary.kind, draft.primary.scale, band)}
              </Text>
              {errors[`thankYou.${band}`] && (
                <Text size="sm" c="red.8">
                  {errors[`thankYou.${band}`]}
                </Text>
              )}
              <TextInput
                label="Title"
                value={thanks.title}
                onChange={(e) => set('title', e.currentTarget.value)}
                error={at('title')}
              />
              <Textarea
                label="Message"
                autosize
                minRows={2}
                value={thanks.message}
                onChange={(e) => set('message', e.currentTarget.value)}
                error={at('message')}
              />
              <TextInput
                label="Then send them to (optional)"
                description="An http or https address, e.g. your review page"
                placeholder="https://"
                value={thanks.redirectUrl ?? ''}
                onChange={(e) => set('redirectUrl', e.currentTarget.value.trim())}
                error={at('redirectUrl')}
              />
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
