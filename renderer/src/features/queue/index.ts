export { QueueScreen } from './CareScreen';
export { StoryButton } from './StoryButton';
