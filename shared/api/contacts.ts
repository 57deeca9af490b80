import { z } from 'zod';

/** Who the interlocutor is at their company (B2B buyers decide in several roles). */
export const CONTACT_ROLES = ['user', 'manager', 'executive', 'purchasing'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
/** Whether an account is the person's own or their company's. */
export const ACCOUNT_TYPES = ['personal', 'corporate'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

const id = z.number().int().min(1);
const text = (max: number) => z.string().trim().max(max);

export const contactFieldsSchema = z
  .object({
    name: text(200).min(1).optional(),
    company: text(200).nullable().optional(),
    email: z.string().trim().email().max(200).nullable().optional(),
    role: z.enum(CONTACT_ROLES).nullable().optional(),
    accountType: z.enum(ACCOUNT_TYPES).nullable().optional(),
  })
  .strict();

export const updateContactSchema = contactFieldsSchema.extend({ contact: id }).strict();
/**
 * An author (by id, or by network and handle as scripts know them) marked as an identified person or company: their
 * contact made (or updated) with these fields.
 */
export const identifySchema = contactFieldsSchema
  .extend({
    author: id.optional(),
    account: z
      .object({ source: z.string().min(1).max(40), handle: z.string().min(1).max(200) })
      .strict()
      .optional(),
    name: text(200).min(1),
  })
  .strict()
  .refine((input) => (input.author === undefined) !== (input.account === undefined), {
    message: 'name the author or the account (network and handle), one of them',
    path: ['author'],
  });
export const mergeSchema = z.object({ into: id, from: z.array(id).min(1).max(100) }).strict();
/** One of a contact's accounts taken out to a contact of its own (the contact's leads stay with it). */
export const splitSchema = z.object({ contact: id, author: id }).strict();

export interface ContactAccount {
  authorId: number;
  source: string;
  handle: string;
  name: string | null;
}

export interface Contact {
  id: number;
  name: string;
  company: string | null;
  email: string | null;
  role: ContactRole | null;
  accountType: AccountType | null;
  accounts: ContactAccount[];
  leads: number;
}

/** A message's author and the contact they belong to (null: not identified yet). */
export interface AuthorContact {
  author: ContactAccount;
  contact: Contact | null;
}
