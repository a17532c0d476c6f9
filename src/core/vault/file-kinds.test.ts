import { describe, expect, it } from 'vitest';
import { checkFileKind, cleanFileName } from './file-kinds';

describe('cleanFileName', () => {
  it.each([
    ['Denial letter.pdf', 'Denial letter.pdf'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['C:\\Users\\ana\\Desktop\\EOB März.pdf', 'EOB März.pdf'],
    ['folder/sub/Résumé ü.txt', 'Résumé ü.txt'],
    ['e\u0301cole.txt', 'école.txt'],
    ['bad\u0000name\u0007.pdf', 'badname.pdf'],
    ['what?:*.pdf', 'what___.pdf'],
    ['.hidden.txt', 'hidden.txt'],
    ['/', 'document'],
    ['', 'document'],
  ])('%j is shown as %j', (raw, expected) => {
    expect(cleanFileName(raw)).toBe(expected);
  });
});

const pdfHead = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const pngHead = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpegHead = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const heicHead = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(8)]);
const zipHead = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0]);
const text = Buffer.from('Dear Dr. Müller,\nthank you.');

describe('checkFileKind', () => {
  it.each([
    ['letter.pdf', pdfHead, 'pdf'],
    ['scan.PNG', pngHead, 'png'],
    ['photo.jpg', jpegHead, 'jpeg'],
    ['card.jpeg', jpegHead, 'jpeg'],
    ['IMG_0001.HEIC', heicHead, 'heic'],
    ['letter.docx', zipHead, 'docx'],
    ['notes.txt', text, 'txt'],
    ['message.eml', Buffer.from('From: a@example.org\r\nSubject: Hi\r\n\r\nBody'), 'eml'],
  ])('takes %s as %s', (name, head, expected) => {
    expect(checkFileKind(name, head, head.length)).toEqual({ ok: true, mediaType: expected });
  });

  it.each([
    ['empty.txt', Buffer.alloc(0), 0, 'the file is empty (0 bytes)'],
    ['empty.pdf', Buffer.alloc(0), 0, 'the file is empty (0 bytes)'],
    ['fake.pdf', Buffer.from('just some words'), 15, 'the name says a PDF, but the content is not one'],
    ['fake.png', jpegHead, 6, 'the name says a PNG image, but the content is not one'],
    ['binary.txt', Buffer.from([0x41, 0, 0x42]), 3, 'the name says a text file, but the content is not one'],
    ['archive.zip', zipHead, 6, 'Advocase keeps PDF, PNG, JPEG, HEIC'],
    ['no-extension', text, text.length, 'Advocase keeps PDF, PNG, JPEG, HEIC'],
  ])('refuses %s with a reason', (name, head, size, reason) => {
    const result = checkFileKind(name, head, size);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(reason);
  });
});
