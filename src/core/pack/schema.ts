import * as z from 'zod';

/** K1–K3 are the page's Key Points, P1–P17 its body paragraphs: the project's way to cite the article. */
export const AnchorSchema = z.string().regex(/^(K[1-9]|P[1-9][0-9]?)$/, 'an anchor such as K1 or P7');

const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase id of letters, digits and single dashes')
  .max(32, 'an id of at most 32 characters');

const Text = z.string().trim().min(1, 'a non-empty text');

export const QuoteSchema = z.strictObject({
  anchor: AnchorSchema,
  text: Text.max(600, 'a quote of at most 600 characters'),
});

export const PackManifestSchema = z.strictObject({
  id: Id,
  title: Text,
  language: z.string().min(2),
});

export const ArticleSchema = z.strictObject({
  title: Text,
  subheading: Text.optional(),
  section: Text.optional(),
  outlet: Text,
  url: z.url().optional(),
  author: z.strictObject({ name: Text, byline: Text.optional(), bio: Text }),
  published: z.iso.date().nullable(),
  dateNote: Text.optional(),
  keyPoints: z.array(z.strictObject({ anchor: AnchorSchema, text: Text })).min(1),
  paragraphs: z.array(z.strictObject({ anchor: AnchorSchema, text: Text })).min(1),
  readerViews: z
    .array(z.strictObject({
      author: Text,
      date: Text,
      text: Text.max(300),
      /** What the comment replied to, so a reader view is never shown stripped of its thread. */
      context: Text.max(300).optional(),
    }))
    .default([]),
});

export const MotionSchema = z.strictObject({
  id: Id,
  title: Text.max(80),
  statement: Text.max(300),
  summary: Text,
});

export const SideSchema = z.enum(['for', 'against']);

/**
 * Where an editorial point's real-world facts come from. `date` is when the source was issued;
 * `asOf` marks a fact that can change (a membership, a doctrine, a running programme) with the
 * date it was last checked.
 */
export const SourceSchema = z.strictObject({
  what: Text.max(200),
  date: z.iso.date().optional(),
  asOf: z.iso.date().optional(),
  url: z.url().optional(),
});

/**
 * Whose argument a point is. "Author" and " editorial " are read as the lowercase values; anything
 * else is refused with both values named, so the fix is in the message.
 */
const PointSourceSchema = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.enum(['author', 'editorial'], {
    error: (issue) => `${issue.input === undefined ? 'a point needs a source' : `${JSON.stringify(issue.input)} is not a source`}: ` +
      'write "author" if the article makes this argument, or "editorial" if it does not',
  }),
);

export const PointSchema = z
  .strictObject({
    id: Id,
    motion: Id,
    side: SideSchema,
    source: PointSourceSchema,
    claim: Text.max(200),
    explanation: Text.max(800),
    keywords: z.array(Text).min(1, 'at least one keyword'),
    synonyms: z.array(Text).default([]),
    quotes: z.array(QuoteSchema),
    sources: z.array(SourceSchema).default([]),
  })
  .superRefine((point, ctx) => {
    // An author's point must show the author's words; an editorial one must not pretend to.
    if (point.source === 'author' && point.quotes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['quotes'], message: 'an author point needs at least one quote' });
    }
    if (point.source === 'editorial' && point.quotes.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['quotes'], message: 'an editorial point quotes nothing from the article' });
    }
  });

export const CounterpointSchema = z.strictObject({
  point: Id,
  answer: Id,
  rebuttal: Text.max(500),
});

/**
 * Arguments as students type them, for one point: the matcher learns a point's wording from them.
 * A teacher adds lines here; each line belongs to exactly one point.
 */
export const ExampleSetSchema = z.strictObject({
  point: Id,
  examples: z.array(Text.max(400)).min(1, 'at least one example'),
});

/**
 * A point id that left the pack (merged into another), and the live point that took its place.
 * Stored debates, seen-marks and links name points by id, so a removed id keeps resolving.
 */
export const RetiredPointSchema = z.strictObject({
  id: Id,
  replacedBy: Id,
  note: Text.max(300).optional(),
});

export const QuizQuestionSchema = z.strictObject({
  id: Id,
  kind: z.enum(['argues', 'side', 'missing-word', 'recommends', 'fact']),
  question: Text.max(700),
  options: z
    .array(z.strictObject({ text: Text.max(80), correct: z.boolean() }))
    .length(4, 'exactly 4 options'),
  explanation: Text.max(500),
  anchor: AnchorSchema,
  quote: QuoteSchema,
});

export const PromptSchema = z.strictObject({
  id: Id,
  question: Text.max(300),
  stance: Text.max(200),
  points: z.array(Id).default([]),
  anchors: z.array(AnchorSchema).default([]),
});

/** One entry per file of a pack folder: the file name and the schema its content must satisfy. */
export const PackFiles = {
  manifest: { file: 'pack.json', schema: PackManifestSchema },
  article: { file: 'article.json', schema: ArticleSchema },
  motions: { file: 'motions.json', schema: z.array(MotionSchema).min(1) },
  points: { file: 'points.json', schema: z.array(PointSchema).min(1) },
  counterpoints: { file: 'counterpoints.json', schema: z.array(CounterpointSchema) },
  examples: { file: 'examples.json', schema: z.array(ExampleSetSchema) },
  quiz: { file: 'quiz.json', schema: z.array(QuizQuestionSchema).min(1) },
  prompts: { file: 'prompts.json', schema: z.array(PromptSchema).min(1) },
  /** Optional: a pack that never removed a point has no retired.json. */
  retired: { file: 'retired.json', schema: z.array(RetiredPointSchema), optional: true },
} as const;

export type Anchor = z.infer<typeof AnchorSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type Motion = z.infer<typeof MotionSchema>;
export type Side = z.infer<typeof SideSchema>;
export type Point = z.infer<typeof PointSchema>;
export type Counterpoint = z.infer<typeof CounterpointSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type ExampleSet = z.infer<typeof ExampleSetSchema>;
export type RetiredPoint = z.infer<typeof RetiredPointSchema>;
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;
export type DiscussionPrompt = z.infer<typeof PromptSchema>;
export type PackManifest = z.infer<typeof PackManifestSchema>;

/** The validated content of every file of a pack, before cross-references are checked. */
export type PackData = { [K in keyof typeof PackFiles]: z.infer<(typeof PackFiles)[K]['schema']> };
