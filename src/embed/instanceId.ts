/**
 * A fresh instance id for an embedded copy of a widget (`explorer-k3x9q2`): ids must differ
 * between two embeds on one page (they name elements and ARIA relations), and nothing here may
 * count mounts in module state, so a random suffix it is.
 */
export function embedInstanceId(instanceId: string): string {
  return `${instanceId}-${Math.random().toString(36).slice(2, 8)}`;
}
