import { ColorInput, Divider, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { AA_NORMAL_TEXT, contrastRatio } from '@pulse/shared/surveys/contrast';

import type { FieldErrors } from '../../../lib/forms';
import type { Draft, UpdateDraft } from './use-draft';

/** Logo and accent colour (checked for contrast as you type), the email's copy, web-link fields. */
export function BrandingEditor({ draft, update, errors }: { draft: Draft; update: UpdateDraft; errors: FieldErrors }) {
  const accent = draft.branding.accentColor;
  const ratio = /^#[0-9a-f]{6}$/i.test(accent) ? contrastRatio(accent, '#ffffff') : null;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          label="Logo address"
          placeholder="https://…/logo.png"
          value={draft.branding.logoUrl ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value.trim();
            update((d) => void (d.branding.logoUrl = value || null));
          }}
          error={errors['branding.logoUrl']}
        />
        <ColorInput
          label="Accent colour"
          eyeDropperButtonProps={{ 'aria-label': 'Pick the accent colour from the screen' }}
          description={
            ratio ? `Contrast with white text: ${ratio.toFixed(1)}:1 (AA needs ${AA_NORMAL_TEXT}:1)` : undefined
          }
          format="hex"
          value={accent}
          onChange={(value) => update((d) => void (d.branding.accentColor = value))}
          error={errors['branding.accentColor']}
        />
      </SimpleGrid>
      <Divider label="Invitation email" labelPosition="left" />
      <TextInput
        label="Subject"
        value={draft.email.subject}
        onChange={(e) => {
          const value = e.currentTarget.value;
          update((d) => void (d.email.subject = value));
        }}
        error={errors['email.subject']}
      />
      <Textarea
        label="Introduction"
        autosize
        minRows={2}
        value={draft.email.intro}
        onChange={(e) => {
          const value = e.currentTarget.value;
          update((d) => void (d.email.intro = value));
        }}
        error={errors['email.intro']}
      />
      <TextInput
        label="Sender name"
        description="Leave empty to use your organisation's name"
        value={draft.email.senderName ?? ''}
        onChange={(e) => {
          const value = e.currentTarget.value;
          update((d) => void (d.email.senderName = value || null));
        }}
        error={errors['email.senderName']}
      />
      <Divider label="Web links" labelPosition="left" />
      <TagsInput
        label="Hidden fields"
        description="Values a web link carries, e.g. /s/…?orderId=123, stored with each answer"
        value={draft.hiddenFields.map((f) => f.name)}
        onChange={(names) => update((d) => void (d.hiddenFields = names.map((name) => ({ name }))))}
        error={Object.entries(errors).find(([p]) => p.startsWith('hiddenFields'))?.[1]}
      />
      <Text size="xs" c="dimmed">
        Use a hidden field in wording as {'{{hidden.orderId}}'}.
      </Text>
    </Stack>
  );
}
