import { Alert, Button, Divider, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Email } from '@pulse/shared/schemas/common';
import { UpdateOrganisationBody, type Organisation } from '@pulse/shared/schemas/organisation';
import { IconLock } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';

import { FormAlert } from '../../../components/form-alert';
import { fieldRule, useFormSubmit } from '../../../lib/forms';
import { useUpdateOrganisation } from '../api/update-organisation';
import { LANGUAGE_OPTIONS } from '../../../lib/labels';
import { timeZoneOptions } from './settings-options';

const senderEmailRule = fieldRule(Email, '');

// The form edits strings; the API says "no sender email" with null.
const toFormValues = (organisation: Organisation) => ({
  name: organisation.name,
  timeZone: organisation.timeZone,
  defaultLanguage: organisation.defaultLanguage,
  senderName: organisation.senderName,
  senderEmail: organisation.senderEmail ?? '',
});

interface OrganisationFormProps {
  organisation: Organisation;
  /** Roles without org.manage see the same form, read-only. */
  readOnly: boolean;
}

export function OrganisationForm({ organisation, readOnly }: OrganisationFormProps) {
  const update = useUpdateOrganisation();
  const timeZones = useMemo(() => timeZoneOptions(organisation.timeZone), [organisation.timeZone]);
  const form = useForm({
    initialValues: toFormValues(organisation),
    validate: {
      name: fieldRule(UpdateOrganisationBody.shape.name, 'Enter your organisation’s name'),
      senderName: fieldRule(UpdateOrganisationBody.shape.senderName, 'Enter the name surveys are sent from'),
      // Optional: empty means "use the server's default sender".
      senderEmail: (value) => (value.trim() === '' ? null : senderEmailRule(value)),
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

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Organisation settings">
      <Stack gap="lg">
        {readOnly && (
          <Alert color="gray" variant="light" icon={<IconLock size={20} aria-hidden />}>
            Only owners and admins can change these settings.
          </Alert>
        )}
        <FormAlert message={formError} />
        <Paper bg="white" p={{ base: 'md', sm: 'xl' }}>
          <Stack gap="xl">
            <Section title="Organisation" description="How your organisation appears to teammates and respondents.">
              <TextInput label="Organisation name" required readOnly={readOnly} {...form.getInputProps('name')} />
            </Section>
            <Divider />
            <Section title="Reporting" description="How reports cut up time, and the language surveys start in.">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label="Reporting time zone"
                  description="Days and weeks in reports start and end here"
                  data={timeZones}
                  searchable
                  allowDeselect={false}
                  nothingFoundMessage="No time zone matches"
                  maxDropdownHeight={280}
                  readOnly={readOnly}
                  {...form.getInputProps('timeZone')}
                />
                <Select
                  label="Default language"
                  description="For surveys when a respondent’s language is unknown"
                  data={LANGUAGE_OPTIONS}
                  allowDeselect={false}
                  readOnly={readOnly}
                  {...form.getInputProps('defaultLanguage')}
                />
              </SimpleGrid>
            </Section>
            <Divider />
            <Section title="Email sender" description="Who survey emails say they come from.">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Sender name"
                  description="The From name respondents see"
                  required
                  readOnly={readOnly}
                  {...form.getInputProps('senderName')}
                />
                <TextInput
                  label="Sender email (optional)"
                  description="Leave empty to use the server’s default address"
                  type="email"
                  readOnly={readOnly}
                  {...form.getInputProps('senderEmail')}
                />
              </SimpleGrid>
            </Section>
          </Stack>
        </Paper>
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Stack gap="md" component="section">
      <div>
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </div>
      {children}
    </Stack>
  );
}
