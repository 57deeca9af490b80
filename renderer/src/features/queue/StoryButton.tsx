import { useState } from 'react';
import { UNKNOWN_AUTHOR } from '../../../../shared/domain/vocabulary';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { CustomerStory } from './CustomerStory';

/** Opens the whole story of a message's author (none for a message with no author). */
export function StoryButton({ message, author }: { message?: number; author?: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const ofMessage = useApi('contacts.ofMessage', author === undefined && message !== undefined ? { message } : null);
  const who = author ?? ofMessage.data?.author;
  const id = typeof who === 'number' ? who : who?.handle === UNKNOWN_AUTHOR ? undefined : who?.authorId;
  if (id === undefined) return null;
  return (
    <>
      <button className="story-button" onClick={() => setOpen(true)}>
        {t('story.open')}
      </button>
      {open && <CustomerStory author={id} onClose={() => setOpen(false)} />}
    </>
  );
}
