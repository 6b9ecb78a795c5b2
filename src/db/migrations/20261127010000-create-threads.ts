import { sql, type Kysely } from 'kysely';

/**
 * Ask threads: a thread keeps the codes, date and setting in context for follow-ups; each
 * message stores the question and its answer (feedback refers to the answer); questions the
 * library could not answer are recorded as gaps, which tell an organization what to add.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table threads (
      id uuid primary key,
      org_id text not null,
      lang text not null,
      context jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index threads_org on threads (org_id, updated_at)`.execute(db);

  await sql`
    create table thread_messages (
      id uuid primary key,
      org_id text not null,
      thread_id uuid not null references threads (id) on delete cascade,
      turn integer not null,
      question text not null,
      answer jsonb not null,
      created_at timestamptz not null default now(),
      unique (thread_id, turn)
    )`.execute(db);

  await sql`
    create table answer_feedback (
      id integer generated always as identity primary key,
      org_id text not null,
      message_id uuid not null references thread_messages (id) on delete cascade,
      vote text not null check (vote in ('up', 'down')),
      comment text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index answer_feedback_message on answer_feedback (message_id)`.execute(db);

  await sql`
    create table library_gaps (
      id integer generated always as identity primary key,
      org_id text not null,
      message_id uuid references thread_messages (id) on delete set null,
      question text not null,
      lang text not null,
      codes jsonb not null,
      terms jsonb not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index library_gaps_org on library_gaps (org_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['library_gaps', 'answer_feedback', 'thread_messages', 'threads'])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
