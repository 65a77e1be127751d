export { SideBySide, type SideBySideProps, SideBySideView } from "./SideBySide";
