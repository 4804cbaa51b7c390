import { z } from 'zod';

/**
 * The one protocol between content scripts / extension pages and the background: request → response, every
 * request validated with zod in the background before anything runs. `from` says who may send it: `content` requests
 * come from a provider page and can only concern that page's own item (derived from the sender's URL, never from the
 * payload); `extension` requests come only from Stint's own pages.
 */

const text = (max: number) => z.string().max(max);

/** What the overlay found on its page: the integration health the popup shows. */
export const OverlayReport = z.object({
  /** The selector that matched the title anchor, or null when the floating fallback is in use. */
  anchor: text(300).nullable(),
  /** Display-only title read from the page (identity never comes from it). */
  title: text(500).nullable(),
});
export type OverlayReport = z.infer<typeof OverlayReport>;

export const TabHealth = z.object({
  tabId: z.number().int(),
  url: text(4096),
  itemKey: text(600).nullable(),
  pageKind: z.enum(['item', 'list', 'board']),
  anchor: text(300).nullable(),
  title: text(500).nullable(),
  reportedAt: z.number(),
});
export type TabHealth = z.infer<typeof TabHealth>;

export const protocol = {
  /** A content script says what it mounted on its page; the answer is the item key derived from the page URL. */
  'overlay.report': {
    from: 'content',
    request: OverlayReport,
    response: z.object({ itemKey: text(600).nullable() }),
  },
  /** An extension page asks what Stint recognised in a tab. */
  'tab.health': {
    from: 'extension',
    request: z.object({ tabId: z.number().int().nonnegative() }),
    response: TabHealth.nullable(),
  },
} as const;

export type MessageType = keyof typeof protocol;
export type RequestOf<T extends MessageType> = z.infer<(typeof protocol)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof protocol)[T]['response']>;

/** The envelope on the wire. */
export const Envelope = z.object({ type: z.string().max(64), payload: z.unknown() });

/** Every answer: the data, or an error a person can read. */
export type Reply<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };
