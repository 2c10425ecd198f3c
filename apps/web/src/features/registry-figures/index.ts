/** 统计 · 登记与走访: the panels, for the leader dashboard to embed (areaCode and period from there). */
export {
  RegistryFiguresPanel,
  type RegistryFiguresPanelProps,
} from './components/registry-figures-panel';
export { GridWorkerPanel } from './components/grid-worker-panel';
