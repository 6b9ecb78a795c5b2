// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ReferenceDataset } from '../../../../src/contracts/library.ts';
import { mockApi, renderPage } from '../library/test-utils.tsx';
import { ReferenceDataPage } from './ReferenceDataPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ptp: ReferenceDataset = {
  datasetKey: 'ncci-ptp:practitioner',
  kind: 'ncci-ptp',
  titles: ['NCCI PTP v32.3'],
  documents: 1,
  used: true,
  setAside: null,
};
const mue: ReferenceDataset = {
  datasetKey: 'ncci-mue:practitioner',
  kind: 'ncci-mue',
  titles: ['NCCI MUE v32.3'],
  documents: 1,
  used: false,
  setAside: 'own-release',
};

describe('the reference data page', () => {
  test('lists each dataset with its use here, and turns one off', async () => {
    let datasets = [ptp, mue];
    const calls = mockApi((call) => {
      if (call.method === 'PUT') {
        datasets = [{ ...ptp, used: false, setAside: 'turned-off' }, mue];
        return { body: datasets[0] };
      }
      if (call.url === '/api/admin/reference-datasets') return { body: { datasets } };
      return undefined;
    });
    renderPage(<ReferenceDataPage />, '/admin/reference-data');
    const table = await screen.findByRole('table', { name: 'Reference data' });
    const [, ptpRow, mueRow] = within(table).getAllByRole('row');
    expect(within(ptpRow!).getByText('Used')).toBeTruthy();
    expect(within(mueRow!).getByText('Replaced by your own release')).toBeTruthy();
    // A dataset the organization holds itself has nothing to turn on or off here.
    expect(within(mueRow!).queryByRole('button')).toBeNull();
    fireEvent.click(within(ptpRow!).getByRole('button', { name: /Turn off/ }));
    await screen.findByText('Turned off');
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.url).toBe('/api/admin/reference-datasets/ncci-ptp%3Apractitioner');
    expect(put?.json).toEqual({ use: false });
  });
});
