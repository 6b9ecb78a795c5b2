// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mockFetch, renderAt } from '../../components/test-utils.tsx';
import { EhrAdminPage } from './EhrAdminPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const request = {
  id: 7,
  userEmail: 'coder@example.org',
  note: 'For the spine clinic',
  requestedAt: '2026-12-04T10:00:00Z',
};

describe('the admin’s EHR page', () => {
  test('no connection yet: an empty form with the SMART scopes; saving PUTs the connection', async () => {
    const calls = mockFetch(({ url, method }) => {
      if (url === '/api/ehr/connection' && method === 'PUT') return { body: {} };
      if (url === '/api/ehr/access-requests') return { body: [request] };
      return undefined;
    });
    renderAt('/admin/ehr', <EhrAdminPage />);
    const issuer = await screen.findByLabelText('Issuer (FHIR base URL)');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Scopes').value).toMatch(
      /^launch openid fhirUser patient\/Encounter\.read/,
    );
    expect(await screen.findByText('coder@example.org')).toBeTruthy();
    expect(screen.getByText('For the spine clinic')).toBeTruthy();

    fireEvent.change(issuer, { target: { value: 'not a url' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(
      await screen.findAllByText('Enter the EHR’s FHIR base URL (https://…).'),
    ).not.toHaveLength(0);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    fireEvent.change(issuer, { target: { value: 'https://fhir.example.org/r4' } });
    fireEvent.change(screen.getByLabelText('Client ID'), { target: { value: 'codecard' } });
    fireEvent.change(screen.getByLabelText('Frame ancestors'), {
      target: { value: 'https://ehr.example.org\nhttps://ehr2.example.org' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      issuer: 'https://fhir.example.org/r4',
      clientId: 'codecard',
      scopes:
        'launch openid fhirUser patient/Encounter.read patient/Condition.read patient/Procedure.read patient/Coverage.read',
      frameAncestors: ['https://ehr.example.org', 'https://ehr2.example.org'],
    });
    await screen.findByText('EHR connection saved.');
  });

  test('the CDS Hooks client: its issuer needs its keys’ URL; both are saved with the connection', async () => {
    const calls = mockFetch(({ url, method }) => {
      if (url === '/api/ehr/connection' && method === 'PUT') return { body: {} };
      if (url === '/api/ehr/access-requests') return { body: [] };
      return undefined;
    });
    renderAt('/admin/ehr', <EhrAdminPage />);
    fireEvent.change(await screen.findByLabelText('Issuer (FHIR base URL)'), {
      target: { value: 'https://fhir.example.org/r4' },
    });
    fireEvent.change(screen.getByLabelText('Client ID'), { target: { value: 'codecard' } });
    fireEvent.change(screen.getByLabelText('CDS Hooks client issuer (optional)'), {
      target: { value: 'https://ehr.example.org/cds' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(
      await screen.findAllByText(
        'Enter the URL of the CDS client’s keys (https://…) when you give its issuer.',
      ),
    ).not.toHaveLength(0);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    fireEvent.change(screen.getByLabelText('CDS Hooks client keys (JWKS URL, optional)'), {
      target: { value: 'https://ehr.example.org/jwks.json' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({
      cdsIssuer: 'https://ehr.example.org/cds',
      cdsJwksUrl: 'https://ehr.example.org/jwks.json',
    });
  });

  test('a saved connection fills the form; no requests says so', async () => {
    mockFetch(({ url }) => {
      if (url === '/api/ehr/connection')
        return {
          body: {
            issuer: 'https://fhir.example.org/r4',
            clientId: 'abc',
            scopes: 'launch openid',
            frameAncestors: ['https://ehr.example.org'],
          },
        };
      if (url === '/api/ehr/access-requests') return { body: { requests: [] } };
      return undefined;
    });
    renderAt('/admin/ehr', <EhrAdminPage />);
    await screen.findByDisplayValue('https://fhir.example.org/r4');
    expect(screen.getByDisplayValue('abc')).toBeTruthy();
    expect(await screen.findByText('No one has asked for access.')).toBeTruthy();
  });
});
