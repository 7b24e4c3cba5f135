import { describeHeldOut, STUDENT_BLIND_FILE } from './student-blind.js';

/**
 * The first honest measure (issue 10): tests/fixtures/student-blind.json, written from the article
 * and the points' claims only. The matcher was tuned on the "tune" half alone; the "heldout" half
 * is read here and only here. That half has been measured several times since, so
 * tests/core/match/student-blind-v3.test.ts is now the honest measure; this one keeps its floors.
 */

// Measured on the held-out half once, after the calibration of scripts/calibrate-matcher.ts (tune half,
// examples, older sets): first 76.9%, first or offered 93.5%, wrong 0.9%, asked 18.5% (108 arguments);
// refused 100% (25 lines). Below the aims for first (85%) and offered (95%); within them for
// wrong (≤ 3%) and refusals (≥ 95%). Each floor is a few points below (for wrong answers, above) that figure.
// A later decision, chosen by cross-validation within the tune data (docs/matching.md), measured once
// here: first 81.5%, first or offered 88.0%, refused 100%, wrong 6.5%. It fails these floors and is not shipped.
const FLOORS = { first: 0.73, offered: 0.9, refused: 0.96, wrong: 0.04 };

describeHeldOut('the blind student set', STUDENT_BLIND_FILE, FLOORS, 75);
