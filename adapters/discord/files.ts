import type { AttachmentPayload } from 'discord.js';
import type { FileAttachment } from '../../src/core/reply.js';
import { LIMITS } from './limits.js';
import { trimText } from './split.js';

/**
 * A reply's files as Discord attachments: sent with the message (multipart), a PNG shown inline
 * as an image, its description as the image's alt text.
 */
export function attachmentPayloads(files: readonly FileAttachment[]): AttachmentPayload[] {
  return files.map((f) => ({
    attachment: typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content),
    name: f.name,
    description: trimText(f.description, LIMITS.attachmentDescription),
  }));
}
