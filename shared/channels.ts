/**
 * The names of every contract channel, with no dependencies, so that the sandboxed preload
 * can check a channel without bundling zod. `contract.ts` fails the type check if this list
 * and the contract's keys ever differ.
 */
export const CHANNEL_NAMES = [
  'case:info',
  'incidents:list',
  'incidents:get',
  'incidents:create',
  'incidents:update',
  'stats:get',
  'audit:list',
  'audit:verify',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
