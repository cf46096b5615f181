import {
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Tabs,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { CasePriority, type AlertRule } from '@pulse/shared/schemas/alerts';

import { ModalForm } from '../../../components/modal-form';
import { useFormSubmit } from '../../../lib/forms';
import { useTeamChoices } from '../../../lib/team-choices';
import { useCreateAlertRule } from '../api/create-alert-rule';
import { useUpdateAlertRule } from '../api/update-alert-rule';
import { bodyOf, groupsOf, keptOf, NOTHING_KEPT, valuesOf, type RuleValues } from './rule-form';
import { RuleFirings } from './rule-firings';
import { RulePreview } from './rule-preview';
import { describeGroups } from './rule-summary';

const BANDS = ['detractor', 'passive', 'promoter', 'low', 'neutral', 'high'];
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The rule to change; without one the modal creates a rule. */
  rule?: AlertRule;
}

/** Creates a rule, or changes one: the same fields, filled with what the rule says now. */
export function RuleEditorModal({ opened, onClose, rule }: Props) {
  const create = useCreateAlertRule();
  const update = useUpdateAlertRule();
  const saving = rule ? update : create;
  const teams = useTeamChoices();
  const kept = rule ? keptOf(rule) : NOTHING_KEPT;
  const form = useForm<RuleValues>({
    initialValues: valuesOf(rule),
    validate: {
      name: (v) => (v.trim() ? null : 'Name the rule after what it catches'),
      bands: (_v, values) => (groupsOf(values, kept).length ? null : 'Choose at least one condition'),
    },
  });
  const submit = useFormSubmit(form, async (v) => {
    if (rule) await update.mutateAsync({ id: rule.id, body: bodyOf(v, kept) });
    else {
      await create.mutateAsync(bodyOf(v, kept));
      // Created: nothing typed is left for the next rule.
      form.reset();
    }
    onClose();
  });
  const close = () => {
    submit.reset();
    saving.reset();
    onClose();
  };
  const title = rule ? `Edit rule ${rule.name}` : 'New alert rule';
  const editor = (
    <ModalForm
      label={title}
      submit={submit}
      onCancel={close}
      submitLabel={rule ? 'Save changes' : 'Create rule'}
      submitting={saving.isPending}
    >
      <TextInput label="Rule name" required data-autofocus {...form.getInputProps('name')} />
      <MultiSelect label="Score band" description="Any of these bands" data={BANDS} {...form.getInputProps('bands')} />
      <Group grow>
        <NumberInput label="Lowest score" allowDecimal={false} {...form.getInputProps('minScore')} />
        <NumberInput label="Highest score" allowDecimal={false} {...form.getInputProps('maxScore')} />
      </Group>
      <Checkbox
        label="Only when the customer left a comment"
        {...form.getInputProps('hasComment', { type: 'checkbox' })}
      />
      <TagsInput
        label="Keywords in the comment"
        description="Whole words, any of them; press Enter after each"
        {...form.getInputProps('keywords')}
      />
      {kept.inFirst.length > 0 && (
        <Text size="sm" c="dimmed">
          Also required, as set through the API: {describeGroups([kept.inFirst])}
        </Text>
      )}
      {kept.otherGroups.length > 0 && (
        <Text size="sm" c="dimmed">
          Or instead, as set through the API: {describeGroups(kept.otherGroups)}
        </Text>
      )}
      <RulePreview groups={groupsOf(form.getValues(), kept)} />
      <TagsInput
        label="Email these people"
        description="Addresses; press Enter after each"
        {...form.getInputProps('channels.emails')}
      />
      <MultiSelect
        label="Email these teams"
        description="Every member, as the team is when the alert goes out"
        data={teams.data ?? []}
        placeholder={teams.isError ? 'Could not load teams' : undefined}
        searchable
        {...form.getInputProps('channels.teamIds')}
      />
      <TextInput
        label="Also email the address in this contact attribute"
        description="e.g. accountManagerEmail; a contact without a valid address is recorded as skipped"
        {...form.getInputProps('channels.attributeEmail')}
      />
      <Select
        label="Mail delivery"
        data={[
          { value: 'immediate', label: 'At once, one mail per alert' },
          { value: 'hourly', label: 'Hourly digest' },
          { value: 'daily', label: 'Daily digest' },
        ]}
        allowDeselect={false}
        {...form.getInputProps('delivery')}
      />
      {form.getValues().delivery === 'daily' && (
        <Select
          label="Daily digest at"
          description="In the organisation's reporting time zone (Settings)"
          data={HOURS}
          allowDeselect={false}
          {...form.getInputProps('digestHour')}
        />
      )}
      <TextInput
        label="Chat webhook URL"
        description="A Slack or Teams incoming webhook: one message per alert"
        placeholder="https://hooks.slack.com/services/…"
        {...form.getInputProps('channels.chatUrl')}
      />
      <Checkbox
        label="Send to webhooks (alert.triggered)"
        {...form.getInputProps('channels.webhook', { type: 'checkbox' })}
      />
      <Group grow align="flex-start">
        <NumberInput
          label="Order"
          description="Lower runs first; empty = last"
          min={0}
          allowDecimal={false}
          {...form.getInputProps('order')}
        />
        <NumberInput
          label="Alert on no answer after (days)"
          description="Empty = never"
          min={1}
          max={90}
          allowDecimal={false}
          {...form.getInputProps('noAnswerDays')}
        />
      </Group>
      <Checkbox
        label="Stop after this rule: a response it matches is not tested against later rules"
        {...form.getInputProps('stopAfter', { type: 'checkbox' })}
      />
      <Checkbox label="Open a follow-up case" {...form.getInputProps('openCase', { type: 'checkbox' })} />
      <Group grow>
        <Select
          label="Priority"
          data={CasePriority.options}
          allowDeselect={false}
          {...form.getInputProps('priority')}
        />
        <NumberInput label="Hours to resolve (SLA)" min={0} {...form.getInputProps('slaHours')} />
      </Group>
    </ModalForm>
  );
  return (
    <Modal opened={opened} onClose={close} title={title} size={rule ? 'xl' : 'lg'}>
      {rule ? (
        // A rule being changed shows what it did so far: whom it alerted, and what became of it.
        <Tabs defaultValue="rule">
          <Tabs.List mb="md">
            <Tabs.Tab value="rule">Rule</Tabs.Tab>
            <Tabs.Tab value="firings">Firings</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="rule">{editor}</Tabs.Panel>
          <Tabs.Panel value="firings">
            <RuleFirings ruleId={rule.id} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        editor
      )}
    </Modal>
  );
}
