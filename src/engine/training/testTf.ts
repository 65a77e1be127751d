import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import type { Tf } from "../types";
import { registerGradients } from "./gradients";

/** For node tests of training: tfjs-core on its CPU backend, with gradients registered. */
export async function cpuTrainingTf(): Promise<Tf> {
  await registerGradients();
  if (!(await tf.setBackend("cpu"))) throw new Error("the tfjs CPU backend did not start");
  await tf.ready();
  return tf;
}
