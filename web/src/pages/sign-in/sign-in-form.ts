import type { FieldProblems } from '../../components/form-problems.ts';

export interface SignInDraft {
  email: string;
  password: string;
}

/** What the form needs before it asks the server (which judges the credentials). */
export function validateSignIn(draft: SignInDraft): FieldProblems {
  const problems: FieldProblems = new Map();
  if (!draft.email.trim()) problems.set('sign-in-email', { key: 'signIn.emailRequired' });
  else if (!draft.email.includes('@'))
    problems.set('sign-in-email', { key: 'signIn.emailInvalid' });
  if (!draft.password) problems.set('sign-in-password', { key: 'signIn.passwordRequired' });
  return problems;
}
