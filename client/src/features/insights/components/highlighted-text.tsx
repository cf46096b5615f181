import { Mark, Text } from '@mantine/core';

/** A comment with the theme's words marked; the text stays plain text (React escapes it). */
export function HighlightedText({ text, highlights }: { text: string; highlights: [number, number][] }) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    <Text size="sm">
      {parts.map((p, i) =>
        p.marked ? (
          <Mark key={i} color="yellow">
            {p.text}
          </Mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </Text>
  );
}
