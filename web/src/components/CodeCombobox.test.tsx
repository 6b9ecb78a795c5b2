// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CodeCombobox } from './CodeCombobox.tsx';
import { mockFetch, renderAt } from './test-utils.tsx';
import { insertCode, searchTerm } from './code-completion.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const results = [
  { system: 'cpt', code: '62263', description: 'SAMPLE adhesiolysis, 2 or more days', score: 1 },
  { system: 'cpt', code: '62264', description: 'SAMPLE adhesiolysis, 1 day', score: 1 },
  { system: 'icd10cm', code: 'M54.16', description: 'Radiculopathy, lumbar region', score: 1 },
];

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <form onSubmit={(event) => event.preventDefault()}>
      <label htmlFor="q">Question</label>
      <CodeCombobox id="q" value={value} onValueChange={setValue} />
    </form>
  );
}

function setup() {
  const calls = mockFetch(({ url }) =>
    url.startsWith('/api/codes?') ? { body: { results } } : undefined,
  );
  renderAt('/', <Harness />);
  const box = screen.getByRole('combobox', { name: 'Question' });
  box.focus();
  return { calls, box: box as HTMLInputElement };
}

async function typeAndWait(box: HTMLInputElement, value: string) {
  fireEvent.change(box, { target: { value } });
  await waitFor(() => expect(box.getAttribute('aria-expanded')).toBe('true'));
}

describe('CodeCombobox', () => {
  test('searches the last word after a pause and lists the codes', async () => {
    const { calls, box } = setup();
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.getAttribute('aria-autocomplete')).toBe('list');
    await typeAndWait(box, 'can I bill 6226');
    expect(calls.map((c) => c.url)).toEqual(['/api/codes?q=6226&limit=8']);
    const listbox = screen.getByRole('listbox', { name: 'Code suggestions' });
    expect(box.getAttribute('aria-controls')).toBe(listbox.id);
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(3);
    expect(options[2]!.textContent).toContain('ICD-10-CM');
    expect(screen.getByRole('status').textContent).toContain('3 code suggestions');
  });

  test('arrow keys move the active option, Enter puts its code in place of the word', async () => {
    const { box } = setup();
    await typeAndWait(box, 'can I bill 6226');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const options = screen.getAllByRole('option');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    // Up from the first wraps to the last.
    expect(box.getAttribute('aria-activedescendant')).toBe(options[2]!.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('can I bill 62264 ');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('option')).toBeNull();
  });

  test('Escape closes the list without changing the text; a click chooses', async () => {
    const { box } = setup();
    await typeAndWait(box, '(M54');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.value).toBe('(M54');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getAllByRole('option')[2]!);
    expect(box.value).toBe('(M54.16 ');
  });

  test('Enter with no active option is left to the form', async () => {
    const { box } = setup();
    await typeAndWait(box, '62264');
    const event = fireEvent.keyDown(box, { key: 'Enter' });
    expect(event).toBe(true); // not prevented: the form submits
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  test('words that do not look like a code or a term are not searched', () => {
    expect(searchTerm('can I bill 6', 'last-word')).toBeNull();
    expect(searchTerm('62264 ', 'last-word')).toBeNull();
    expect(searchTerm('with 77003?', 'last-word')).toBeNull();
    expect(searchTerm('Racz', 'last-word')).toBe('Racz');
    expect(searchTerm('“m54.1', 'last-word')).toBe('m54.1');
    expect(searchTerm(' J1040 ', 'whole')).toBe('J1040');
    expect(insertCode('bill 6226', '62264', 'last-word')).toBe('bill 62264 ');
    expect(insertCode('anything', 'J1040', 'whole')).toBe('J1040');
  });
});
