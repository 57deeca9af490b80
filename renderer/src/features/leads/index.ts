export { LeadsScreen } from './LeadsScreen';
export { NewLeadDialog } from './NewLeadDialog';
