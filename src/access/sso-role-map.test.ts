import { describe, expect, it } from 'vitest';
import { parseRoleMap } from '../config/sso-config.ts';
import { mapRole } from './sso-role-map.ts';

const map = parseRoleMap('coding-admins=admin, coders=coder,library=librarian,staff=viewer');

describe('mapRole', () => {
  it('gives the highest role any group maps to', () => {
    expect(mapRole(['staff', 'coders'], map, null)).toBe('coder');
    expect(mapRole(['coders', 'coding-admins', 'staff'], map, null)).toBe('admin');
    expect(mapRole(['library'], map, null)).toBe('librarian');
  });

  it('reads a single group sent as a string', () => {
    expect(mapRole('staff', map, null)).toBe('viewer');
  });

  it('refuses unmapped groups unless a default role is set', () => {
    expect(mapRole(['marketing'], map, null)).toBeNull();
    expect(mapRole(undefined, map, null)).toBeNull();
    expect(mapRole([42, { name: 'coders' }], map, null)).toBeNull();
    expect(mapRole(['marketing'], map, 'viewer')).toBe('viewer');
  });

  it('matches group names exactly (case and all)', () => {
    expect(mapRole(['Coders', 'coders '], map, null)).toBeNull();
  });
});

describe('parseRoleMap', () => {
  it('keeps "=" inside a group name (the role is after the last one)', () => {
    expect(parseRoleMap('cn=coders=coder').get('cn=coders')).toBe('coder');
  });

  it('refuses unknown roles, empty groups and duplicates with the entry named', () => {
    expect(() => parseRoleMap('coders=boss')).toThrow(/"coders=boss" is not group=role/);
    expect(() => parseRoleMap('=admin')).toThrow(/not group=role/);
    expect(() => parseRoleMap('a=admin,a=viewer')).toThrow(/names the group "a" twice/);
  });
});
