import { loadPack, DEFAULT_PACK_DIR } from '../core/pack/load.js';
import { PackError, formatProblem } from '../core/pack/problems.js';

/** `rostrum validate [dir]`: 0 when the pack loads, 1 with every problem listed otherwise. */
export async function validateCommand(dir: string = process.env.CONTENT_PACK || DEFAULT_PACK_DIR): Promise<number> {
  try {
    const pack = await loadPack(dir);
    process.stdout.write(
      `${pack.manifest.id} (${pack.dir}): valid — ${pack.motions.length} motions, ${pack.points.length} points, ` +
        `${pack.counterpoints.length} counterpoints, ${pack.quiz.length} quiz questions, ${pack.prompts.length} prompts.\n`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof PackError)) throw err;
    process.stderr.write(`${dir}: ${err.problems.length} problem(s); positions such as [0] count entries from 0\n${err.problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}\n`);
    return 1;
  }
}
