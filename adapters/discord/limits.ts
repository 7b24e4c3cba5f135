/**
 * Discord's limits on what a message, a component or a command definition may hold. Discord rejects
 * the whole request (400) when one is exceeded, so the renderer and the command builder keep to them.
 * Lengths are counted in UTF-16 code units (`string.length`), which is never fewer than Discord counts.
 */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author of every embed in one message. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  buttonLabel: 80,
  customId: 100,
  modalTitle: 45,
  inputLabel: 45,
  inputPlaceholder: 100,
  inputMaxLength: 4000,
  threadName: 100,
  attachmentDescription: 1024,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandDescription: 100,
  commandOptions: 25,
  optionChoices: 25,
} as const;
