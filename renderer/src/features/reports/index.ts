export { ReportsScreen } from './ReportsScreen';
export { Branding } from './Branding';
