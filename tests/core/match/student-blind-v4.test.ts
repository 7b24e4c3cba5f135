import { describeHeldOut, STUDENT_BLIND_V4_FILE } from './student-blind.js';

/**
 * The honest measure, fourth set: tests/fixtures/student-blind-v4.json, written blind from the
 * article's paragraphs and the points' claims only: four lines per point and lines that make no
 * point, each point's lines split at random into two tune and two held-out lines. Only the tune
 * half is read while working on the matcher; the held-out half is read here alone, and only its
 * four aggregate figures are printed.
 */

// Measured once on the held-out half with the matcher as it was when the set arrived: first 83.3%
// (90 of 108), first or offered 92.6% (100), wrong 3.7% (4); refused 96.3% (52 of 54). Measured once
// after questions to the bot, the new examples and the lead asked of a sure answer (sureMargin), all
// tuned on the tune halves only: first 82.4% (89), first or offered 92.6% (100), wrong 3.7% (4),
// refused 96.3% (52). Each floor is a few points below (for wrong answers, a ceiling above) that.
// Both halves are spent since then and read as tuning data (docs/matching.md); the floors stay as a
// regression guard. After asking before naming another motion, questions said as statements and the
// new examples: first 83.3%, first or offered 95.4%, wrong 2.8%, refused 98.1%.
const FLOORS = { first: 0.79, offered: 0.89, refused: 0.92, wrong: 0.06 };

describeHeldOut('the fourth blind student set', STUDENT_BLIND_V4_FILE, FLOORS, 160);
