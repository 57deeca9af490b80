export { LeadsScreen } from './LeadsScreen';
export { NewLeadDialog } from './NewLeadDialog';
export { ContactCard } from './ContactCard';
