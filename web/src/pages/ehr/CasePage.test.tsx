// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CaseAnswer, EhrCase } from '../../../../src/contracts/ehr.ts';
import { api } from '../../api/client.ts';
import { adoptEhrSessionFromUrl, clearEhrSession } from '../../api/ehr-session.ts';
import { mockFetch, renderAt } from '../../components/test-utils.tsx';
import { CardCaseSection } from './CardCaseSection.tsx';
import { CardForCase } from './CardForCase.tsx';
import { CasePage } from './CasePage.tsx';

const ptpRow = {
  documentId: 6,
  title: 'sample-ccipra-v320r0-ptp.txt',
  version: 'v32.0',
  locator: 'line 25',
  source: 'NCCI PTP, practitioner, v32.0',
  place: 'row 25',
  label: 'NCCI PTP, practitioner, v32.0, row 25',
};

const sampleCase: EhrCase = {
  fhirBase: 'https://ehr.example.org/fhir',
  patientId: 'p1',
  encounterId: 'e1',
  dateOfService: '2026-11-27',
  setting: 'practitioner',
  settingFrom: 'Encounter.class AMB',
  diagnoses: [{ code: 'M54.16', from: { resourceType: 'Condition', id: 'c1' } }],
  procedures: [
    {
      code: '62264',
      system: 'cpt',
      modifiers: [],
      units: 1,
      status: 'performed',
      from: { resourceType: 'Procedure', id: 'pr1' },
    },
    {
      code: '77003',
      system: 'cpt',
      modifiers: ['XS'],
      units: 1,
      status: 'ordered',
      from: { resourceType: 'ServiceRequest', id: 'sr1' },
    },
  ],
  skipped: [{ from: { resourceType: 'Condition', id: 'c9' }, reason: 'SNOMED CT only' }],
  check: {
    id: 'e1',
    findings: [
      {
        rule: 'ptp',
        severity: 'error',
        lines: [1, 2],
        codes: ['62264', '77003'],
        message: 'SAMPLE 77003 is bundled into 62264',
        citations: [ptpRow],
      },
    ],
    summary: { errors: 1, warnings: 0, infos: 0 },
  },
};

/** Replaces fetch with one that keeps each request's headers and answers `{}`. */
function captureHeaders(): Headers[] {
  const seen: Headers[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_input: RequestInfo | URL, init: RequestInit = {}) => {
      seen.push(new Headers(init.headers));
      return Promise.resolve(new Response('{}', { status: 200 }));
    }),
  );
  return seen;
}

const enterCase = () => {
  window.history.replaceState(null, '', '/case#session=s-123&case=c-456');
  adoptEhrSessionFromUrl();
};

beforeEach(() => clearEhrSession());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  clearEhrSession();
});

describe('the EHR session from the launch fragment', () => {
  test('moves the tokens out of the address and sends them on every API request', async () => {
    enterCase();
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/case');
    const seen = captureHeaders();
    await api('/api/auth/me');
    expect(seen[0]!.get('authorization')).toBe('Bearer s-123');
    expect(seen[0]!.get('x-codecard-case')).toBe('c-456');
  });

  test('a frame refused sessionStorage (third-party storage blocked) still holds the tokens', async () => {
    const refused = vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    enterCase();
    const seen = captureHeaders();
    await api('/api/ehr/case');
    refused.mockRestore();
    expect(seen[0]!.get('authorization')).toBe('Bearer s-123');
    expect(seen[0]!.get('x-codecard-case')).toBe('c-456');
  });

  test('outside a launch nothing is held and no header is added', async () => {
    window.history.replaceState(null, '', '/codes/cpt/62264#session=s-1');
    expect(adoptEhrSessionFromUrl()).toBe(false);
    const seen = captureHeaders();
    await api('/api/auth/me');
    expect(seen[0]!.has('authorization')).toBe(false);
    expect(seen[0]!.has('x-codecard-case')).toBe(false);
  });
});

describe('the case view', () => {
  test('shows the encounter, labels origins, links codes to their cards and cites findings', async () => {
    enterCase();
    mockFetch(({ url }) => (url === '/api/ehr/case?lang=en' ? { body: sampleCase } : undefined));
    renderAt('/case', <CasePage />);
    await screen.findByRole('heading', { level: 1, name: 'This encounter' });
    expect(screen.getByText('2026-11-27')).toBeTruthy();
    expect(screen.getByText('Encounter.class AMB')).toBeTruthy();
    const card = screen.getByRole('link', { name: /Open the card for 62264/ });
    expect(card.getAttribute('href')).toBe('/codes/cpt/62264?dos=2026-11-27&setting=practitioner');
    expect(screen.getAllByText('From the chart').length).toBeGreaterThan(2);
    expect(screen.getAllByText('From your library')).toHaveLength(1);
    expect(screen.getByText('SAMPLE 77003 is bundled into 62264')).toBeTruthy();
    expect(screen.getByRole('link', { name: /sample-ccipra-v320r0-ptp\.txt/ })).toBeTruthy();
    expect(screen.getByText('SNOMED CT only')).toBeTruthy();
    expect(screen.getByText('Ordered')).toBeTruthy();
  });

  test('403 (no EHR connection): the gating note, and Request access records a request', async () => {
    enterCase();
    const calls = mockFetch(({ url, method }) => {
      if (url === '/api/ehr/case?lang=en')
        return { status: 403, body: { error: { code: 'FORBIDDEN', message: 'no EHR' } } };
      if (url === '/api/ehr/status') return { body: { enabled: false, requested: false } };
      if (url === '/api/ehr/access-requests' && method === 'POST')
        return { status: 201, body: { id: 1 } };
      return undefined;
    });
    renderAt('/case', <CasePage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Request access' }));
    await screen.findByRole('button', { name: 'Requested' });
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/ehr/access-requests')).toBe(
      true,
    );
  });

  test('403 after asking already: the note says Requested', async () => {
    enterCase();
    mockFetch(({ url }) => {
      if (url === '/api/ehr/case?lang=en')
        return { status: 403, body: { error: { code: 'FORBIDDEN', message: 'no EHR' } } };
      if (url === '/api/ehr/status') return { body: { enabled: false, requested: true } };
      return undefined;
    });
    renderAt('/case', <CasePage />);
    await screen.findByRole('button', { name: 'Requested' });
    expect(screen.getByRole('heading', { level: 1, name: 'Case-specific answers' })).toBeTruthy();
  });

  test('an expired case token: the session has ended, open Codecard again from the chart', async () => {
    enterCase();
    mockFetch(({ url }) =>
      url === '/api/ehr/case?lang=en'
        ? { status: 401, body: { error: { code: 'EHR_CASE_EXPIRED', message: 'expired' } } }
        : undefined,
    );
    renderAt('/case', <CasePage />);
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Open Codecard again from the chart/,
    );
  });

  test('no case token held: the same note, and nothing is asked', async () => {
    const calls = mockFetch();
    renderAt('/case', <CasePage />);
    await screen.findByRole('alert');
    expect(calls).toHaveLength(0);
  });
});

describe('the card’s case-specific place', () => {
  test('EHR access off: the note with Request access', async () => {
    mockFetch(({ url }) =>
      url === '/api/ehr/status' ? { body: { enabled: false, requested: false } } : undefined,
    );
    renderAt('/codes/cpt/62264', <CardCaseSection />);
    await screen.findByRole('button', { name: 'Request access' });
    expect(screen.getByText(/Only Enterprise users with EHR integration/)).toBeTruthy();
  });

  test('already requested: says so; EHR access on: nothing', async () => {
    mockFetch(({ url }) =>
      url === '/api/ehr/status' ? { body: { enabled: false, requested: true } } : undefined,
    );
    renderAt('/codes/cpt/62264', <CardCaseSection />);
    await screen.findByRole('button', { name: 'Requested' });
    cleanup();
    const calls = mockFetch(({ url }) =>
      url === '/api/ehr/status' ? { body: { enabled: true, requested: false } } : undefined,
    );
    const { container } = renderAt('/codes/cpt/62264', <CardCaseSection />);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(container.textContent).toBe('');
  });

  test('a case token held: the code "for this patient", each fact labelled, library rows cited', async () => {
    enterCase();
    const forCase: CaseAnswer = {
      encounterId: 'e1',
      dateOfService: '2026-11-27',
      setting: 'practitioner',
      codes: ['62264'],
      facts: [
        { text: '77003 is on the same encounter (2026-11-27).', origin: 'chart', citations: [] },
        { text: 'SAMPLE 77003 is bundled into 62264', origin: 'library', citations: [ptpRow] },
      ],
    };
    const calls = mockFetch(({ url }) =>
      url === '/api/ehr/case/codes/cpt/62264?lang=en' ? { body: forCase } : undefined,
    );
    renderAt('/codes/cpt/62264', <CardForCase system="cpt" code="62264" lang="en" />);
    await screen.findByRole('heading', { name: 'For this patient' });
    expect(calls.map((c) => c.url)).toEqual(['/api/ehr/case/codes/cpt/62264?lang=en']);
    expect(screen.getByText('Encounter e1 · 2026-11-27 · Practitioner')).toBeTruthy();
    const chart = screen.getByText('77003 is on the same encounter (2026-11-27).').closest('li')!;
    expect(chart.textContent).toContain('From the chart');
    const library = screen.getByText('SAMPLE 77003 is bundled into 62264').closest('li')!;
    expect(library.textContent).toContain('From your library');
    expect(library.querySelector('a')?.getAttribute('href')).toBe('/sources/6?locator=line%2025');
  });
});
