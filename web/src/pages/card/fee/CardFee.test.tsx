// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Card } from '../../../../../src/contracts/cards.ts';
import type { FeeResult } from '../../../../../src/contracts/fees.ts';
import { mockFetch, renderAt } from '../../../components/test-utils.tsx';
import { CardPage } from '../CardPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// Values of the TEST FIXTURE RVU row for 64483 × the CY2026 GPCI row of Manhattan.
const arithmetic = {
  workRvu: '1.90',
  peRvu: '4.17',
  mpRvu: '0.17',
  workGpci: '1.064',
  peGpci: '1.162',
  mpGpci: '1.586',
  conversionFactor: '33.4009',
  workProduct: '2.02160',
  peProduct: '4.84554',
  mpProduct: '0.26962',
  adjustedRvus: '7.13676',
  exact: '238.374207084',
  amount: '238.37',
};
const fees: FeeResult = {
  code: '64483',
  modifier: null,
  date: '2026-08-01',
  outcome: 'priced',
  status: 'A',
  locality: { mac: '13202', state: 'NY', localityNumber: '01', localityName: 'MANHATTAN' },
  candidates: [],
  nonFacility: { setting: 'non-facility', amount: '238.37', naIndicator: false, arithmetic },
  facility: { setting: 'facility', amount: null, naIndicator: true, arithmetic: null },
  citations: {
    rvu: {
      documentId: 1,
      title: 'PPRRVU2026_Jul_TEST_FIXTURE.csv',
      version: 'July 2026',
      locator: 'line 11',
    },
    gpci: { documentId: 2, title: 'GPCI2026.csv', version: 'CY2026', locator: 'line 78' },
  },
  text: '',
};
const card = (withFees: boolean): Card => ({
  system: 'cpt',
  code: '64483',
  title: 'CPT 64483',
  dos: '2026-08-01',
  setting: 'practitioner',
  lang: 'en',
  dir: 'ltr',
  libraryVersion: '1',
  footer: '',
  sections: [],
  gaps: [],
  conflicts: [],
  ...(withFees ? { fees } : {}),
});

describe('the card’s Medicare fee', () => {
  test('a locality typed in the controls asks the card for it; the fee shows with its formula', async () => {
    const calls = mockFetch(({ url }) => ({ body: card(url.includes('locality=')) }));
    renderAt('/codes/cpt/64483', <CardPage system="cpt" code="64483" />);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('heading', { name: 'Medicare fee' })).toBeNull();
    const field = screen.getByLabelText<HTMLInputElement>('Medicare locality');
    act(() => {
      fireEvent.change(field, { target: { value: 'Manhattan' } });
      fireEvent.keyDown(field, { key: 'Enter' });
    });
    await waitFor(() => expect(window.location.search).toBe('?locality=Manhattan'));
    await waitFor(() =>
      expect(calls.at(-1)!.url).toBe('/api/cards/cpt/64483?lang=en&locality=Manhattan'),
    );
    await screen.findByRole('heading', { name: 'Medicare fee' });
    expect(
      screen.getByText(/Medicare allowed, MANHATTAN \(NY 01\), non-facility: \$238\.37/),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Medicare allowed, MANHATTAN (NY 01), facility: no fee (NA in the RVU file)',
      ),
    ).toBeTruthy();
    expect(screen.getByText('How it is computed')).toBeTruthy();
    expect(
      screen.getByText(
        /\(1\.90 × 1\.064 \+ 4\.17 × 1\.162 \+ 0\.17 × 1\.586\) × 33\.4009 = 238\.374207084/,
      ),
    ).toBeTruthy();
    expect(screen.getByText(/GPCI2026\.csv CY2026, line 78/)).toBeTruthy();
  });
});
