import { z } from 'zod';
import { isCalendarDay } from '../domain/time';

/** A day of the calendar as YYYY-MM-DD: checked to exist, so no NaN ever reaches a query. */
export const daySchema = z.string().refine(isCalendarDay, 'a real date as YYYY-MM-DD');
