import { describeHeldOut, STUDENT_BLIND_V3_FILE } from './student-blind.js';

/**
 * The honest measure (issue 10): tests/fixtures/student-blind-v3.json, a fresh blind set written
 * from the article's paragraphs and the points' claims only, by someone who never saw the pack's
 * keywords, synonyms, examples or the matcher: four lines per point and lines that make no point,
 * each point's lines split at random into two tune and two held-out lines. Only the tune half was
 * read while working on the matcher; the held-out half is read here alone, and only its four
 * aggregate figures are printed.
 */

// The shipped matcher, measured once on the held-out half before the content-free rule
// (src/core/match/content-free.ts): first 89.8%, first or offered 98.1%, wrong 0.0% (108 arguments);
// refused 90.0% (18 of 20 lines without a point). Measured once after it, with the rule: the same,
// first 89.8%, first or offered 98.1%, wrong 0.0%, refused 90.0% (the two lines it still does not
// refuse are not of the kinds the rule recognises). Each floor is a few points below (for wrong
// answers, a ceiling above) that figure; one more unrefused line would be 85%.
// Both halves are spent since then and read as tuning data (docs/matching.md); the floors stay as a
// regression guard. After asking before naming another motion and the new examples: first 90.7%,
// first or offered 99.1%, wrong 0.0%, refused 90.0%.
const FLOORS = { first: 0.86, offered: 0.94, refused: 0.85, wrong: 0.03 };

describeHeldOut('the third blind student set', STUDENT_BLIND_V3_FILE, FLOORS, 120);
