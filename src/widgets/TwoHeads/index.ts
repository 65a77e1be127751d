export { TwoHeads, type TwoHeadsProps } from "./TwoHeads";
