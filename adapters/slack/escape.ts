/**
 * Slack reads `<…>` as a control sequence: `<!channel>`, `<!here>`, `<@U123>`, `<#C123>`, links. Anything
 * the bot renders passes through here, so a user's words (and the pack's) can never become one.
 * Slack asks for exactly these three entities and decodes them when it displays the text.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
