/**
 * Slack sends typed text the way it stores messages: `&`, `<` and `>` as entities, and mentions of
 * channels, users and links as control sequences (`<#C123|general>`, `<@U123|ada>`). The core reads
 * the characters the person typed, so the entities are decoded; the control sequences stay, because
 * the core reads a channel option from `<#C123|name>`. Whatever the core echoes is escaped again on
 * the way out (escape.ts), so decoding here cannot let a mention through.
 */
export function decodeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
