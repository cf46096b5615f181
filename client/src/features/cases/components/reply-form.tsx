import { Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CaseDetail } from '@pulse/shared/schemas/cases';

import { FormAlert } from '../../../components/form-alert';
import { useFormSubmit } from '../../../lib/forms';
import { useReplyToCase } from '../api/reply-to-case';

/** "Reply & resolve": the customer's answer goes to the agent (Reply-To), not to a no-reply box. */
export function ReplyForm({ c }: { c: CaseDetail }) {
  const reply = useReplyToCase(c.id);
  const form = useForm({
    initialValues: { subject: 'About your feedback', message: '', resolve: true },
    validate: { message: (v) => (v.trim() ? null : 'Write what you want to tell the customer') },
  });
  const submit = useFormSubmit(form, async (values) => {
    await reply.mutateAsync(values);
    form.setFieldValue('message', '');
  });
  const canResolve = c.status !== 'resolved' && c.status !== 'closed';
  if (!c.snapshot.contactEmail) {
    return (
      <Paper bg="white" p="md">
        <Text c="dimmed">This customer left no email address: call them, then note it here.</Text>
      </Paper>
    );
  }
  const send = (resolve: boolean) => form.setFieldValue('resolve', resolve);
  return (
    <Paper bg="white" p="md" component="section" aria-labelledby="reply-title">
      <form onSubmit={submit.handleSubmit} noValidate aria-label="Reply to the customer">
        <Stack gap="sm">
          <Title order={2} size="h4" id="reply-title">
            Reply to {c.snapshot.contactName ?? c.snapshot.contactEmail}
          </Title>
          <FormAlert message={submit.formError} />
          <TextInput label="Subject" required {...form.getInputProps('subject')} />
          <Textarea label="Message" required autosize minRows={4} {...form.getInputProps('message')} />
          <Group justify="flex-end" gap="sm">
            <Button
              type="submit"
              variant="default"
              loading={reply.isPending && !form.values.resolve}
              onClick={() => send(false)}
            >
              Send reply
            </Button>
            {canResolve && (
              <Button type="submit" loading={reply.isPending && form.values.resolve} onClick={() => send(true)}>
                Reply &amp; resolve
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
