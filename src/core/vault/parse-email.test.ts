import { describe, expect, it } from 'vitest';
import { parseEmail, renderEmailAsText } from './parse-email';

describe('parseEmail', () => {
  it('reads a multipart message: encoded subject, quoted-printable text, an attachment by name', () => {
    const raw = Buffer.from(
      [
        'From: Claims <claims@payer.example>',
        'To: advocate@example.org',
        'Subject: =?UTF-8?B?UmU6IEFwcGVhbCBmw7xyIE3DvGxsZXI=?=',
        'Date: Tue, 3 Mar 2026 10:00:00 -0500',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: multipart/alternative; boundary="b2"',
        '',
        '--b2',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'The appeal for M=C3=BCller was received and is under re=',
        'view.',
        '--b2',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>ignored because plain text exists</p>',
        '--b2--',
        '--b1',
        'Content-Type: application/pdf; name="denial.pdf"',
        'Content-Disposition: attachment; filename="denial.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0xLjcK',
        '--b1--',
        '',
      ].join('\r\n'),
    );
    const email = parseEmail(raw);
    expect(email.headers.subject).toBe('Re: Appeal für Müller');
    expect(email.body).toBe('The appeal for Müller was received and is under review.');
    expect(email.attachmentNames).toEqual(['denial.pdf']);
    expect(renderEmailAsText(email)).toContain('From: Claims <claims@payer.example>\n');
  });

  it('falls back to the HTML part as text, and decodes base64 bodies', () => {
    const html = Buffer.from('<div>Denied &amp; <b>closed</b></div>').toString('base64');
    const raw = Buffer.from(
      `Subject: x\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n${html}\n`,
    );
    expect(parseEmail(raw).body).toBe('Denied & closed');
  });
});
