import { describe, expect, it } from 'vitest';
import { EventReader } from './events';

describe('server-sent events', () => {
  it('gives each event once it is complete, however the text is cut', () => {
    const reader = new EventReader();
    expect(reader.push('data:{"state":"que')).toEqual([]);
    expect(reader.push('ued"}\n\ndata: {"state":"running"}\n')).toEqual(['{"state":"queued"}']);
    expect(reader.push('\nid: 3\ndata:{"state":"succeeded"}\r\n\r\n')).toEqual(['{"state":"running"}', '{"state":"succeeded"}']);
  });

  it('joins the data lines of one event and skips comments', () => {
    const reader = new EventReader();
    expect(reader.push(': keep-alive\n\ndata:a\ndata:b\n\n')).toEqual(['a\nb']);
  });
});
