import { Accordion, Badge, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { missingTranslations, textEntries } from '@pulse/shared/surveys/texts';

import type { FieldErrors } from '../../../lib/forms';
import { LANGUAGE_OPTIONS } from '../../../lib/labels';
import type { Draft, UpdateDraft } from './use-draft';

const nameOf = (code: string) => LANGUAGE_OPTIONS.find((l) => l.value === code)?.label ?? code;

/** Languages offered, and per language every text with what is still missing (it falls back to the default). */
// Mantine's green 9 reads 3.8:1 on its light badge; this darker green clears AA (5.8:1).
const DONE_TEXT = '#1e6b30';

export function TranslationsEditor({
  draft,
  update,
  errors,
}: {
  draft: Draft;
  update: UpdateDraft;
  errors: FieldErrors;
}) {
  const entries = textEntries(draft);
  const missing = missingTranslations(draft);
  const others = draft.languages.filter((l) => l !== draft.defaultLanguage);

  return (
    <Stack gap="md">
      <Group grow align="flex-start">
        <Select
          label="Default language"
          description="Texts are written in this language; any missing translation falls back to it."
          data={draft.languages.map((l) => ({ value: l, label: nameOf(l) }))}
          value={draft.defaultLanguage}
          allowDeselect={false}
          disabled
        />
        <MultiSelect
          label="Offered in"
          description="Respondents see their language when it is offered here."
          data={LANGUAGE_OPTIONS.map((l) => ({ ...l, disabled: l.value === draft.defaultLanguage }))}
          value={draft.languages}
          onChange={(value) =>
            update((d) => {
              d.languages = value.includes(d.defaultLanguage) ? value : [d.defaultLanguage, ...value];
              for (const language of Object.keys(d.translations)) {
                if (!d.languages.includes(language)) delete d.translations[language];
              }
            })
          }
          error={errors.languages}
        />
      </Group>
      {others.length === 0 ? (
        <Text size="sm" c="dimmed">
          Add a language above to translate this survey.
        </Text>
      ) : (
        <Accordion variant="separated" multiple defaultValue={others.filter((l) => (missing[l]?.length ?? 0) > 0)}>
          {others.map((language) => {
            const missingCount = missing[language]?.length ?? 0;
            return (
              <Accordion.Item key={language} value={language}>
                <Accordion.Control>
                  <Group gap="sm">
                    <Text fw={600}>{nameOf(language)}</Text>
                    {missingCount > 0 ? (
                      <Badge color="orange" variant="light" autoContrast>
                        {missingCount} missing
                      </Badge>
                    ) : (
                      <Badge color="green" variant="light" c={DONE_TEXT}>
                        Complete
                      </Badge>
                    )}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    {errors[`translations.${language}`] && (
                      <Text size="sm" c="red.8">
                        {errors[`translations.${language}`]}
                      </Text>
                    )}
                    {entries.map((entry) => (
                      <TextInput
                        key={entry.key}
                        label={entry.text}
                        placeholder={`Missing: shows “${entry.text.slice(0, 60)}”`}
                        value={draft.translations[language]?.[entry.key] ?? ''}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          update((d) => {
                            const texts = (d.translations[language] ??= {});
                            if (value) texts[entry.key] = value;
                            else delete texts[entry.key];
                          });
                        }}
                        error={errors[`translations.${language}.${entry.key}`]}
                        styles={{ label: { fontWeight: 400 } }}
                      />
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Stack>
  );
}
