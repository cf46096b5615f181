const HEX = '0123456789ABCDEF';
// 75 characters and the soft break's "=" make the 76 that RFC 2045 §6.7 allows per line.
const MAX_LINE = 75;

/**
 * One piece of a quoted-printable body (RFC 2045 §6.7), encoded as if it began a line and ended
 * with one: a newline in the text becomes CRLF, and the piece closes with a soft line break
 * ("=" CRLF, which decoders drop) unless it already ends on a newline. Pieces encoded apart
 * therefore concatenate into a valid body that decodes to the concatenated text, which lets the
 * survey mail encode its template's fixed HTML once and only each recipient's values per mail.
 */
export function quotedPrintablePiece(text: string): string {
  if (!text) return '';
  const bytes = Buffer.from(text.replace(/\r\n/g, '\n'), 'utf8');
  let out = '';
  let line = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      out += '\r\n';
      line = 0;
      continue;
    }
    // A space or tab is literal except right before a hard line break, where transports may strip it.
    const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && bytes[i + 1] !== 0x0a);
    const token = literal ? String.fromCharCode(b) : `=${HEX[b >> 4]}${HEX[b & 15]}`;
    if (line + token.length > MAX_LINE) {
      out += '=\r\n';
      line = 0;
    }
    out += token;
    line += token.length;
  }
  return line > 0 ? `${out}=\r\n` : out;
}
