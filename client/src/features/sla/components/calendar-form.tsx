import { Button, Group, Paper, SimpleGrid, TagsInput, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { WEEKDAYS, type BusinessCalendar, type Weekday } from '@pulse/shared/schemas/sla';

import { FormAlert } from '../../../components/form-alert';
import { useFormSubmit } from '../../../lib/forms';
import { useSaveSlaCalendar } from '../api/change-sla';

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
const ORDER: Weekday[] = [...WEEKDAYS.slice(1), 'sun'];

type Values = { timeZone: string; holidays: string[] } & Record<Weekday, string>;

/** "09:00–12:00, 13:00–17:00" ⇄ opening hours; the server checks the times and their order. */
const hoursText = (hours: Array<{ start: string; end: string }>) => hours.map((h) => `${h.start}–${h.end}`).join(', ');
const hoursOf = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = ''] = part.split(/\s*[–-]\s*/);
      return { start, end };
    });

export function CalendarForm({ calendar, canManage }: { calendar: BusinessCalendar; canManage: boolean }) {
  const save = useSaveSlaCalendar();
  const form = useForm<Values>({
    initialValues: {
      timeZone: calendar.timeZone,
      holidays: calendar.holidays.map((h) => h.date),
      ...(Object.fromEntries(WEEKDAYS.map((d) => [d, hoursText(calendar.hours[d])])) as Record<Weekday, string>),
    },
  });
  const submit = useFormSubmit(form, (v) =>
    save.mutateAsync({
      timeZone: v.timeZone,
      hours: Object.fromEntries(WEEKDAYS.map((d) => [d, hoursOf(v[d])])) as Record<Weekday, ReturnType<typeof hoursOf>>,
      holidays: v.holidays.map((date) => ({ date })),
    }),
  );
  return (
    <Paper bg="white" p="md" component="section" aria-labelledby="calendar-title">
      <Title order={2} size="h4" id="calendar-title" mb="sm">
        Business hours
      </Title>
      <form onSubmit={submit.handleSubmit} noValidate aria-label="Business hours">
        <FormAlert message={submit.formError} />
        <TextInput
          label="Time zone"
          description="Opening hours are local times here, through daylight-saving changes"
          disabled={!canManage}
          {...form.getInputProps('timeZone')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
          {ORDER.map((d) => (
            <TextInput
              key={d}
              label={DAY_NAMES[d]}
              placeholder="Closed"
              description="e.g. 09:00–12:00, 13:00–17:00"
              disabled={!canManage}
              {...form.getInputProps(d)}
            />
          ))}
        </SimpleGrid>
        <TagsInput
          mt="sm"
          label="Holidays"
          description="Dates such as 2026-12-25; press Enter after each"
          disabled={!canManage}
          {...form.getInputProps('holidays')}
        />
        {canManage && (
          <Group justify="flex-end" mt="md">
            <Button type="submit" loading={save.isPending}>
              Save business hours
            </Button>
          </Group>
        )}
      </form>
    </Paper>
  );
}
