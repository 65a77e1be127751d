export { AttentionExplorer, type AttentionExplorerProps } from "./AttentionExplorer";
