/** Block Kit's published limits, in characters (Slack counts UTF-16 code units, as `String.length` does). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  contextText: 3000,
  contextElements: 10,
  elementsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** The notification text of a message; Slack allows more, but nobody reads 3000+ characters in a banner. */
  fallbackText: 3000,
  modalTitle: 24,
  modalSubmit: 24,
  inputLabel: 2000,
  inputPlaceholder: 150,
  inputMaxLength: 3000,
  privateMetadata: 3000,
  /** files.completeUploadExternal's title and a file's alt text. */
  fileTitle: 250,
  fileAltText: 1000,
} as const;
