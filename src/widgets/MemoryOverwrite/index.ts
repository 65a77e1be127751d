export { MemoryOverwrite, MemoryOverwriteView, type OverwriteFigureValue } from "./MemoryOverwrite";
