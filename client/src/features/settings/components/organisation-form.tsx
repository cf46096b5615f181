import { Button, Divider, Group, Paper, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Email } from '@pulse/shared/schemas/common';
import { UpdateOrganisationBody, type Organisation } from '@pulse/shared/schemas/organisation';
import { useMemo } from 'react';

import { FormAlert } from '../../../components/form-alert';
import { fieldRule, useFormSubmit } from '../../../lib/forms';
import { useUpdateOrganisation } from '../api/update-organisation';
import { LANGUAGE_OPTIONS } from '../../../lib/labels';
import { timeZoneOptions } from './settings-options';
import { SettingsSection } from './settings-section';
import { UnsavedChangesGuard } from './unsaved-changes-guard';

const senderEmailRule = fieldRule(Email, '');

// The form edits strings; the API says "no sender email" with null.
const toFormValues = (organisation: Organisation) => ({
  name: organisation.name,
  timeZone: organisation.timeZone,
  defaultLanguage: organisation.defaultLanguage,
  senderName: organisation.senderName,
  senderEmail: organisation.senderEmail ?? '',
  widgetOrigins: organisation.widgetOrigins,
});

/** The settings for roles that may change them; the others read SettingsSummary. */
export function OrganisationForm({ organisation }: { organisation: Organisation }) {
  const update = useUpdateOrganisation();
  const timeZones = useMemo(() => timeZoneOptions(organisation.timeZone), [organisation.timeZone]);
  const form = useForm({
    initialValues: toFormValues(organisation),
    validate: {
      name: fieldRule(UpdateOrganisationBody.shape.name, 'Enter your organisation’s name'),
      senderName: fieldRule(UpdateOrganisationBody.shape.senderName, 'Enter the name surveys are sent from'),
      // Optional: empty means "use the server's default sender".
      senderEmail: (value) => (value.trim() === '' ? null : senderEmailRule(value)),
      widgetOrigins: fieldRule(UpdateOrganisationBody.shape.widgetOrigins, 'Check the sites listed'),
    },
  });

  const { handleSubmit, formError } = useFormSubmit(form, async (values) => {
    const saved = await update.mutateAsync({
      ...values,
      senderEmail: values.senderEmail.trim() === '' ? null : values.senderEmail.trim(),
    });
    form.setInitialValues(toFormValues(saved));
    form.setValues(toFormValues(saved));
    notifications.show({
      color: 'teal',
      title: 'Settings saved',
      message: 'Your organisation settings are up to date.',
    });
  });

  const dirty = form.isDirty();

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Organisation settings">
      <UnsavedChangesGuard dirty={dirty && !update.isPending} />
      <Stack gap="lg">
        <FormAlert message={formError} />
        <Paper bg="white" p={{ base: 'md', sm: 'xl' }}>
          <Stack gap="xl">
            <SettingsSection
              title="Organisation"
              description="How your organisation appears to teammates and respondents."
            >
              <TextInput label="Organisation name" required {...form.getInputProps('name')} />
            </SettingsSection>
            <Divider />
            <SettingsSection
              title="Reporting"
              description="How reports cut up time, and the language surveys start in."
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label="Reporting time zone"
                  description="Days and weeks in reports start and end here"
                  data={timeZones}
                  searchable
                  allowDeselect={false}
                  nothingFoundMessage="No time zone matches"
                  maxDropdownHeight={280}

                  {...form.getInputProps('timeZone')}
                />
                <Select
                  label="Default language"
                  description="For surveys when a respondent’s language is unknown"
                  data={LANGUAGE_OPTIONS}
                  allowDeselect={false}

                  {...form.getInputProps('defaultLanguage')}
                />
              </SimpleGrid>
            </SettingsSection>
            <Divider />
            <SettingsSection title="Email sender" description="Who survey emails say they come from.">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Sender name"
                  description="The From name respondents see"
                  required

                  {...form.getInputProps('senderName')}
                />
                <TextInput
                  label="Sender email (optional)"
                  description="Leave empty to use the server’s default address"
                  type="email"

                  {...form.getInputProps('senderEmail')}
                />
              </SimpleGrid>
            </SettingsSection>
            <Divider />
            <SettingsSection
              title="Website widget"
              description="Sites whose pages may show your surveys in the widget. Any other site is refused."
            >
              <TagsInput
                label="Allowed sites"
                description="One origin each, e.g. https://shop.example.com (press Enter after each)"
                placeholder="https://shop.example.com"
                clearable
                {...form.getInputProps('widgetOrigins')}
              />
            </SettingsSection>
          </Stack>
        </Paper>
        {/* In view at any window height: at 800 px the last section ends below the fold. */}
        <Group justify="space-between" className="sticky-actions" wrap="nowrap">
          <Text size="sm" c="dimmed" aria-live="polite">
            {dirty ? 'You have unsaved changes.' : 'All changes saved.'}
          </Text>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
