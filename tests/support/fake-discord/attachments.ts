import type { RouteContext } from './router.js';
import type { JsonObject } from './types.js';

// Uploaded files become attachment objects on the message, so code reading `message.attachments`
// after sending files sees what real Discord would show. The bytes stay in the request record.
export function attachmentsFromUpload(ctx: RouteContext): JsonObject[] {
  return ctx.files.map((file) => {
    const id = ctx.world.ids.next();
    const url = `${ctx.cdnBase}/attachments/${id}/${encodeURIComponent(file.filename)}`;
    return {
      id,
      filename: file.filename,
      size: file.data.length,
      url,
      proxy_url: url,
      content_type: file.contentType,
    };
  });
}
