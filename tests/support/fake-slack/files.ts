import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallInfo, ResultOverride } from './web-api.js';
import type { JsonObject } from './http.js';

export interface UploadedFile {
  id: string;
  filename: string;
  /** The length announced to files.getUploadURLExternal. */
  length: number;
  altText: string | undefined;
  /** The bytes POSTed to the upload URL (empty until they arrive). */
  data: Buffer;
  /** Set by files.completeUploadExternal. */
  channel: string | undefined;
  title: string | undefined;
  completed: boolean;
}

/**
 * Slack's external file upload, as the Web API client's filesUploadV2 drives it: an upload URL and
 * id from files.getUploadURLExternal, the bytes POSTed to that URL (on this fake's server), then
 * files.completeUploadExternal shares the files in a channel.
 */
export class FakeFileUploads {
  readonly files: UploadedFile[] = [];
  private counter = 0;

  constructor(private readonly base: () => string, private readonly onChange: () => void) {}

  readonly methods: Record<string, ResultOverride> = {
    'files.getUploadURLExternal': (call: CallInfo): JsonObject => {
      const id = `F0FAKE${String(++this.counter).padStart(4, '0')}`;
      this.files.push({
        id, filename: String(call.body.filename ?? ''), length: Number(call.body.length ?? 0),
        altText: typeof call.body.alt_text === 'string' ? call.body.alt_text : undefined,
        data: Buffer.alloc(0), channel: undefined, title: undefined, completed: false,
      });
      this.onChange();
      return { upload_url: `${this.base()}/upload/${id}`, file_id: id };
    },
    'files.completeUploadExternal': (call: CallInfo): JsonObject => {
      const listed = Array.isArray(call.body.files) ? (call.body.files as JsonObject[]) : [];
      const done = listed.map((f) => {
        const file = this.files.find((x) => x.id === f.id);
        if (!file) return { id: f.id, error: 'file_not_found' };
        file.completed = true;
        file.channel = typeof call.body.channel_id === 'string' ? call.body.channel_id : undefined;
        file.title = typeof f.title === 'string' ? f.title : undefined;
        return { id: file.id, title: file.title ?? file.filename, name: file.filename };
      });
      this.onChange();
      return { files: done };
    },
  };

  /** The upload URL's end: keeps the raw bytes (a PNG must arrive intact). */
  async handleUpload(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const file = this.files.find((f) => f.id === id);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such upload');
      return;
    }
    file.data = fileBytes(Buffer.concat(chunks), req.headers['content-type']);
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${file.data.length}`);
    this.onChange();
  }
}

/**
 * The file's bytes, from a raw body or, as the Web API client sends them, the one part of a
 * multipart/form-data body.
 */
function fileBytes(body: Buffer, contentType: string | undefined): Buffer {
  const boundary = /^multipart\/form-data;.*boundary=("?)([^";]+)\1/i.exec(contentType ?? '')?.[2];
  if (!boundary) return body;
  const start = body.indexOf('\r\n\r\n', body.indexOf(`--${boundary}`));
  const end = body.indexOf(`\r\n--${boundary}`, start);
  return start < 0 || end < 0 ? body : body.subarray(start + 4, end);
}
