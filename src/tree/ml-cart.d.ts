/** The part of ml-cart (mljs/decision-tree-cart, untyped) the workbench uses. */
declare module 'ml-cart' {
  export interface CartNodeJson {
    splitValue?: number;
    splitColumn?: number;
    gain?: number;
    left?: CartNodeJson;
    right?: CartNodeJson;
  }
  export interface DecisionTreeClassifierOptions {
    gainFunction?: 'gini';
    splitFunction?: 'mean';
    minNumSamples?: number;
    maxDepth?: number;
    gainThreshold?: number;
  }
  export class DecisionTreeClassifier {
    constructor(options?: DecisionTreeClassifierOptions);
    root: CartNodeJson;
    train(trainingSet: number[][], trainingLabels: number[]): void;
    predict(toPredict: number[][]): number[];
    toJSON(): { options: DecisionTreeClassifierOptions; root: CartNodeJson; name: string };
  }
}
