import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial.js';
import * as classroomResults from './003-classroom-results.js';
import * as classDebates from './004-class-debates.js';
import * as postLeases from './005-post-leases.js';
import * as schedulesDueOrder from './006-schedules-due-order.js';
import * as postLeaseSending from './007-post-lease-sending.js';
import * as quizAnswersByPerson from './008-quiz-answers-by-person.js';
import * as claimsWithoutRowid from './009-claims-without-rowid.js';

/** Migrations are listed here, in order, so they ship inside the program rather than being read from disk. */
const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '003-classroom-results': classroomResults,
  '004-class-debates': classDebates,
  '005-post-leases': postLeases,
  '006-schedules-due-order': schedulesDueOrder,
  '007-post-lease-sending': postLeaseSending,
  '008-quiz-answers-by-person': quizAnswersByPerson,
  '009-claims-without-rowid': claimsWithoutRowid,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
