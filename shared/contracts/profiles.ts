/** Channels of local profiles: who acts (and signs) in this session. */
import { z } from 'zod';
import { ROLES } from '../domain';

export const profileInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** This user holds the person's private key: they can act as them here. */
  hasKey: z.boolean(),
  /** A short form of the public key recorded in the case file; null when none. */
  fingerprint: z.string().nullable(),
  createdAt: z.string(),
  current: z.boolean(),
});
export type ProfileInfo = z.output<typeof profileInfoSchema>;

export const profileNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Give your name' })
  .max(100, { message: 'At most 100 characters' })
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20), { message: 'No control characters' });

export const profileCreateInputSchema = z
  .object({ name: profileNameSchema, role: z.enum(ROLES, { message: 'Choose a role' }) })
  .strict();
export type ProfileCreateInput = z.input<typeof profileCreateInputSchema>;

export const profileContract = {
  'profile:current': {
    input: z.object({}).strict(),
    output: z.object({
      /** null: nobody has set up or chosen a profile yet; the app asks before anything else. */
      profile: profileInfoSchema.nullable(),
      /** The name changes are recorded under. */
      actor: z.string(),
      /** Where this user's private keys are kept, for display. */
      keyStore: z.string().nullable(),
    }),
  },
  'profile:list': {
    input: z.object({}).strict(),
    output: z.object({ people: z.array(profileInfoSchema) }),
  },
  'profile:create': {
    input: profileCreateInputSchema,
    output: profileInfoSchema,
  },
  'profile:switch': {
    input: z.object({ id: z.string().min(1, { message: 'Choose a profile' }) }).strict(),
    output: profileInfoSchema,
  },
} as const;
