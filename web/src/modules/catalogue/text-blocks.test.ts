import { describe, expect, it } from 'vitest';
import { parseTextBlocks } from './text-blocks.js';

describe('parseTextBlocks', () => {
  it('splits paragraphs on blank lines and joins wrapped lines', () => {
    expect(parseTextBlocks('Første linje\nfortsetter her.\n\nAndre avsnitt.')).toEqual([
      { kind: 'paragraph', text: 'Første linje fortsetter her.' },
      { kind: 'paragraph', text: 'Andre avsnitt.' },
    ]);
  });

  it('turns "- " lines into a list, with indented lines continuing the bullet above', () => {
    const text = 'Innledning:\n- Ett punkt\n  som fortsetter\n- Et annet punkt\nEtter listen.';
    expect(parseTextBlocks(text)).toEqual([
      { kind: 'paragraph', text: 'Innledning:' },
      { kind: 'list', items: ['Ett punkt som fortsetter', 'Et annet punkt'] },
      { kind: 'paragraph', text: 'Etter listen.' },
    ]);
  });

  it('gives nothing for an empty text', () => {
    expect(parseTextBlocks('  \n\n')).toEqual([]);
  });
});
