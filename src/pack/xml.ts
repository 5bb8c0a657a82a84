/** Text-level XML helpers for the few fixed documents pack writes (no DOM needed). */
export function xmlEscape(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than producing an unreadable file.
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
