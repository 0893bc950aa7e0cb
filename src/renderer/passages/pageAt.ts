// The page finder moved to src/shared (exports cite pages too); kept here until its two importers point there.
export { pageAt } from '../../shared/pageAt';
