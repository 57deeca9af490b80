import { runThread } from '../runtime/job-thread';
import { writeDeck, type DeckFile, type DeckThreadData } from './write-deck';

await runThread<DeckThreadData, DeckFile>(writeDeck);
