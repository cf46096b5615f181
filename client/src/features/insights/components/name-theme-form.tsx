import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { VocabularyBody } from '@pulse/shared/schemas/insights';
import { useState, type FormEvent } from 'react';

import { FormAlert } from '../../../components/form-alert';
import { useDefineTheme } from '../api/define-theme';

const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'fr', label: 'French' },
  { value: 'de', label: 'German' },
  { value: 'es', label: 'Spanish' },
];

/**
 * Names a theme and merges synonyms into it ("Delivery staff": driver, courier). The merge
 * applies to every week already counted, so the rankings change at once.
 */
export function NameThemeForm({ suggestion }: { suggestion?: string }) {
  const define = useDefineTheme();
  const [language, setLanguage] = useState('en');
  const [label, setLabel] = useState('');
  const [synonyms, setSynonyms] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = VocabularyBody.safeParse({
      language,
      label,
      synonyms: (synonyms || suggestion || '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    });
    if (!parsed.success) {
      setError('Give the theme a name and at least one word or phrase to count under it.');
      return;
    }
    setError(null);
    define.mutate(parsed.data, {
      onSuccess: () => {
        setLabel('');
        setSynonyms('');
      },
      onError: (err) => setError(err.message),
    });
  };

  return (
    <form onSubmit={submit} aria-label="Name a theme">
      <Stack gap="xs">
        <Text fw={600}>Name a theme, merge synonyms</Text>
        <FormAlert message={error} />
        <Group grow align="flex-end" wrap="wrap">
          <TextInput
            label="Theme name"
            placeholder="Delivery staff"
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
          />
          <TextInput
            label="Words counted under it (comma separated)"
            placeholder={suggestion ?? 'driver, courier'}
            value={synonyms}
            onChange={(e) => setSynonyms(e.currentTarget.value)}
          />
          <Select
            label="Language"
            data={LANGUAGES}
            value={language}
            onChange={(v) => setLanguage(v ?? 'en')}
            allowDeselect={false}
          />
        </Group>
        {define.isSuccess && (
          <Text size="sm" c="teal.8" role="status">
            Saved: the rankings now count these words as one theme, over all history.
          </Text>
        )}
        <Group>
          <Button type="submit" loading={define.isPending}>
            Save theme
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
