import { fieldPathOf } from '../../client/src/lib/field-path';

describe('fieldPathOf: which form field a server error path names', () => {
  const builder = { title: '', questions: [{ text: '', choices: ['a', 'b'] }, { text: 'Why?' }] };

  it('when the form is the request body, then body.email names the email field', () => {
    expect(fieldPathOf('body.email', { email: 'x', password: '' })).toBe('email');
  });

  it('when the form edits a nested object, then the nested path names the nested input', () => {
    expect(fieldPathOf('body.definition.questions.0.text', builder, 'body.definition')).toBe('questions.0.text');
    expect(fieldPathOf('body.definition.questions.1.text', builder, 'body.definition')).toBe('questions.1.text');
    expect(fieldPathOf('body.definition.questions.0.choices.1', builder, 'body.definition')).toBe(
      'questions.0.choices.1',
    );
  });

  it('when the error is deeper than any value, then it lands on the nearest field that exists', () => {
    expect(fieldPathOf('body.definition.questions.1.choices', builder, 'body.definition')).toBe('questions.1');
    expect(fieldPathOf('body.definition.questions.7.text', builder, 'body.definition')).toBe('questions');
  });

  it('when the path is outside the form or outside its root, then it names no field', () => {
    expect(fieldPathOf('body.definition.key', builder, 'body.definition')).toBeNull();
    expect(fieldPathOf('query.page', builder, 'body.definition')).toBeNull();
    expect(fieldPathOf('body.name', builder, 'body.definition')).toBeNull();
  });

  it('when a value is an empty string or null, then its path still counts as a field', () => {
    expect(fieldPathOf('body.senderEmail', { senderEmail: null })).toBe('senderEmail');
  });
});
