import { describe, expect, it } from 'vitest';
import { foldCopyEdits, spellingKey } from '../../../lambdas/dedupe/copy-edits.ts';
import { foldText } from '../../../lambdas/dedupe/fingerprint.ts';

const compared = (text: string) => foldText(foldCopyEdits(text));

describe('folding what a copy desk changes', () => {
  it.each([
    ['about 1,200 people', 'about 1200 people'],
    ['a rise of 12 percent', 'a rise of 12%'],
    ['a rise of 12 per cent', 'a rise of 12 percent'],
    ['a $3.5 million grant', 'a $3.5m grant'],
    ['a 2 bn euro loan', 'a 2 billion euro loan'],
    ['five people were hurt', '5 people were hurt'],
    ['“We will,” she said', '"We will," she said'],
    ['the colour of the harbour centre', 'the color of the harbor center'],
    ['they organised and travelled', 'they organized and traveled'],
    ['the defence programme', 'the defense program'],
  ])('compares %j and %j as the same words', (a, b) => {
    expect(compared(a)).toBe(compared(b));
  });

  it('keeps different numbers, names and words apart', () => {
    expect(compared('about 1,200 people')).not.toBe(compared('about 1,300 people'));
    expect(compared('12 percent')).not.toBe(compared('13 percent'));
    expect(compared('Mill Road')).not.toBe(compared('Mall Road'));
  });

  it('reads a magnitude or a percentage only after a whole number, not inside a name', () => {
    expect(compared('the w1m model')).toBe('the w1m model');
    expect(compared('an A4b form')).toBe('an a4b form');
  });

  it('leaves short words and a decimal part alone', () => {
    expect(spellingKey('hour')).toBe('hour');
    expect(spellingKey('four')).toBe('four');
    expect(compared('3.25 million')).not.toBe(compared('325 million'));
  });

  it('keeps the capital that makes a word a name', () => {
    expect(foldCopyEdits('Colour Street')).toBe('Color Street');
  });
});
