export { MlpExplorer, type MlpExplorerProps, MlpExplorerView } from "./MlpExplorer";
