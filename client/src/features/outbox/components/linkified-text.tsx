import { Anchor } from '@mantine/core';
import { Fragment } from 'react';

// http(s) only: a javascript: or data: URL in a caught message must never become a live link.
const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

/** Plain-text mail with its links clickable; the HTML part is never rendered (no XSS surface). */
export function LinkifiedText({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, index) => {
    if (index % 2 === 0) return <Fragment key={index}>{part}</Fragment>;
    const trailing = TRAILING_PUNCTUATION.exec(part)?.[0] ?? '';
    const url = part.slice(0, part.length - trailing.length);
    return (
      <Fragment key={index}>
        <Anchor href={url} inherit style={{ wordBreak: 'break-all' }}>
          {url}
        </Anchor>
        {trailing}
      </Fragment>
    );
  });
}
